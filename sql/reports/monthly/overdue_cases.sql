-- Cases of the month that went past their due time, judged as of the month's last moment ($month_end, or the
-- last load for a month still running): completed late in the month (overdue working days at completion), or
-- still open then and past due (overdue working days up to that moment, whatever happened after).
-- is_long_open: open at the month's end more than core_setting.long_open_days_past_due days past due.
WITH moment AS (
    SELECT least(CAST($month_end AS TIMESTAMP), a.as_of) AS at_ts FROM meta_as_of AS a
),
completed AS (
    SELECT c.center_code, c.case_id, c.window_code, c.item_code, c.accepted_at, c.due_at, c.completed_at,
           c.overdue_working_days, false AS is_open
    FROM core_case AS c
    WHERE c.is_overdue AND c.is_completed AND date_trunc('month', c.completed_at) = $month
),
open_late AS (
    SELECT w.center_code, w.case_id, w.window_code, w.item_code, w.accepted_at, w.due_at, c.completed_at,
           -w.working_days_left AS overdue_working_days, true AS is_open
    FROM mart_case_warnings((SELECT at_ts FROM moment)) AS w
    JOIN core_case AS c USING (case_id)
    WHERE w.past_due
)
SELECT o.center_code, o.case_id, o.window_code, dw.window_name, i.item_name, o.accepted_at, o.due_at,
       o.completed_at, CAST(o.overdue_working_days AS BIGINT) AS overdue_working_days, o.is_open,
       CAST(date_diff('day', o.due_at, moment.at_ts) AS BIGINT) AS days_past_due,
       o.is_open AND date_diff('day', o.due_at, moment.at_ts) > s.long_open_days_past_due AS is_long_open
FROM (SELECT * FROM completed UNION ALL SELECT * FROM open_late) AS o
CROSS JOIN moment
CROSS JOIN core_setting AS s
JOIN dim_window AS dw ON dw.window_code = o.window_code
LEFT JOIN dim_item AS i ON i.item_code = o.item_code
ORDER BY o.center_code, o.overdue_working_days DESC, o.case_id;
