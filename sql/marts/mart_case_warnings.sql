-- Early warnings as of any moment: cases open at that moment, with the working days used and left.
--   red    = already past the due time (overdue);
--   yellow = not yet due, and at most yellow_days_left working days left or at least yellow_share_used
--            of the promised working days used (core_setting: 1 day, 80% by default).
-- Open at a moment = accepted by then and not completed by then (cases closed without completion,
-- e.g. returned or withdrawn, are not open).
CREATE OR REPLACE MACRO mart_case_warnings(at_ts) AS TABLE
WITH open_cases AS (
    SELECT c.*
    FROM core_case AS c
    WHERE c.accepted_at <= at_ts
      AND (c.completed_at > at_ts OR (c.completed_at IS NULL AND c.is_open))
      AND c.due_at IS NOT NULL
),
measured AS (
    SELECT o.case_id, o.center_code, o.window_code, o.staff_id, o.item_code, o.accepted_at, o.due_at,
           due_day.working_day_seq - acc.working_day_seq AS promised_working_days,
           now_day.working_day_seq - acc.working_day_seq AS working_days_used,
           due_day.working_day_seq - now_day.working_day_seq AS working_days_left,
           CAST(at_ts AS TIMESTAMP) > o.due_at AS past_due
    FROM open_cases AS o
    JOIN dim_calendar AS acc ON acc.date = CAST(o.accepted_at AS DATE)
    JOIN dim_calendar AS due_day ON due_day.date = CAST(o.due_at AS DATE)
    JOIN dim_calendar AS now_day ON now_day.date = CAST(at_ts AS DATE)
)
SELECT m.*,
       CASE
           WHEN m.past_due THEN 'red'
           WHEN m.working_days_left <= s.yellow_days_left
             OR m.working_days_used >= s.yellow_share_used * m.promised_working_days THEN 'yellow'
       END AS warning
FROM measured AS m, core_setting AS s
WHERE m.past_due
   OR m.working_days_left <= s.yellow_days_left
   OR m.working_days_used >= s.yellow_share_used * m.promised_working_days;
