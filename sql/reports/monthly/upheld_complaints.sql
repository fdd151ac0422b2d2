-- Complaints received in the month and found true (属实) or partly true (部分属实).
SELECT p.center_code, p.complaint_id, p.received_at, p.source, p.category, p.verdict, p.content,
       w.window_name
FROM core_complaint AS p
LEFT JOIN dim_window AS w USING (window_code)
WHERE p.is_upheld AND date_trunc('month', p.received_at) = $month
ORDER BY p.center_code, p.received_at, p.complaint_id;
