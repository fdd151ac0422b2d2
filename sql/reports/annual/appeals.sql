-- Every appeal recorded on the period's evidence, including superseded ones (nothing is hidden).
SELECT a.appeal_id, a.source, a.record_id, a.action, a.new_quantity, a.reason, a.approver, a.decided_on, a.recorded_at,
       a.filed_on, a.late_approved_by, e.center_code, e.original_quantity
FROM assessment_appeal AS a
JOIN mart_assessment_evidence AS e USING (source, record_id)
WHERE e.year = $year AND e.quarter BETWEEN $first_quarter AND $last_quarter
ORDER BY a.appeal_id;
