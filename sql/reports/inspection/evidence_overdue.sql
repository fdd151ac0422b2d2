-- Evidence annex: the cases open and past due at the last moment of $month (mart_case_warnings, red), per center,
-- longest overdue first, with the working days past due as of that moment.
SELECT r.center_code, r.case_id, w.window_name, i.item_name, r.accepted_at, r.due_at,
       CAST(-r.working_days_left AS INTEGER) AS overdue_working_days
FROM mart_case_warnings(CAST($month AS DATE) + INTERVAL 1 MONTH - INTERVAL 1 SECOND) AS r
LEFT JOIN dim_window AS w USING (window_code)
LEFT JOIN dim_item AS i USING (item_code)
WHERE r.warning = 'red'
ORDER BY r.center_code, r.due_at, r.case_id;
