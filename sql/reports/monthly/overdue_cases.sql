-- Cases of the month that went past their due time: completed late in the month, or still open and
-- overdue at its end. Worst first.
SELECT c.center_code, c.case_id, c.window_code, w.window_name, i.item_name, c.accepted_at, c.due_at,
       c.completed_at, c.overdue_working_days, c.is_open
FROM core_case AS c
JOIN dim_window AS w USING (window_code)
LEFT JOIN dim_item AS i USING (item_code)
WHERE c.is_overdue
  AND ((c.is_completed AND date_trunc('month', c.completed_at) = $month)
       OR (c.due_at < $month + INTERVAL 1 MONTH
           AND (c.is_open OR c.completed_at >= $month + INTERVAL 1 MONTH)))
ORDER BY c.center_code, c.overdue_working_days DESC, c.case_id;
