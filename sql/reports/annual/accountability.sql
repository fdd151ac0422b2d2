-- 责任追究 recorded against 整改 items (rectification_accountability) and decided in the assessed period, with the
-- item they were decided on; the assessment prints them in its appendix by township.
SELECT c.center_name AS township, i.center_code, i.doc_number, i.description, a.measure, a.person, a.decided_on, a.decided_by, a.note
FROM rectification_accountability AS a
JOIN rectification_item AS i USING (item_id)
LEFT JOIN dim_center AS c USING (center_code)
WHERE a.decided_on BETWEEN CAST($period_start AS DATE) AND CAST($period_end AS DATE)
ORDER BY i.center_code, a.decided_on, a.accountability_id;
