-- Evidence annex: the upheld complaints (core_complaint.is_upheld) received in the three months up to the end of
-- $month, per center, by id, so the complainants can be called back.
SELECT c.center_code, c.complaint_id, c.received_at, c.category, c.verdict, c.case_id, w.window_name
FROM core_complaint AS c
LEFT JOIN dim_window AS w USING (window_code)
WHERE c.is_upheld
  AND c.received_at >= CAST($month AS DATE) - INTERVAL 2 MONTH
  AND c.received_at < CAST($month AS DATE) + INTERVAL 1 MONTH
ORDER BY c.center_code, c.received_at, c.complaint_id;
