-- Case counts per window and month: the base every case metric is rolled up from (center, county).
-- Completion figures belong to the month of completion; backlog is judged at the month's end:
-- still open then (completed later, or not yet) and already past its due time; for the current month, as of
-- the last load.
CREATE OR REPLACE VIEW mart_window_month_cases AS
WITH accepted AS (
    SELECT window_code, CAST(date_trunc('month', accepted_at) AS DATE) AS month,
           count(*) AS cases_accepted,
           count(*) FILTER (WHERE case_type = '即办件') AS immediate_cases,
           count(*) FILTER (WHERE channel = '代办') AS proxy_cases,
           count(*) FILTER (WHERE case_type = '退回件' OR status IN ('已退回', '不予受理')) AS returned_cases
    FROM core_case GROUP BY ALL
),
completed AS (
    SELECT window_code, CAST(date_trunc('month', completed_at) AS DATE) AS month,
           count(*) AS cases_completed,
           count(*) FILTER (WHERE completed_on_time) AS completed_on_time,
           count(*) FILTER (WHERE is_overdue) AS completed_overdue,
           CAST(sum(overdue_working_days) AS BIGINT) AS overdue_working_days
    FROM core_case WHERE is_completed GROUP BY ALL
),
backlog AS (
    -- A late case sits in the backlog from the month of its due time until the month before it was completed
    -- (up to the current month while still open): only late cases are expanded, so this stays cheap.
    SELECT window_code, month, count(*) AS backlog_overdue
    FROM (
        SELECT c.window_code, CAST(unnest(range(
                   date_trunc('month', c.due_at),
                   CASE WHEN c.is_open THEN date_trunc('month', a.as_of) + INTERVAL 1 MONTH
                        ELSE date_trunc('month', c.completed_at) END,
                   INTERVAL 1 MONTH)) AS DATE) AS month
        FROM core_case AS c, meta_as_of AS a
        WHERE c.is_overdue AND (c.is_open OR c.is_completed)
    )
    GROUP BY ALL
),
keys AS (
    SELECT window_code, month FROM accepted UNION SELECT window_code, month FROM completed
    UNION SELECT window_code, month FROM backlog
)
SELECT
    w.center_code, k.window_code, k.month,
    coalesce(a.cases_accepted, 0) AS cases_accepted,
    coalesce(c.cases_completed, 0) AS cases_completed,
    coalesce(c.completed_on_time, 0) AS completed_on_time,
    coalesce(c.completed_overdue, 0) AS completed_overdue,
    coalesce(c.overdue_working_days, 0) AS overdue_working_days,
    coalesce(b.backlog_overdue, 0) AS backlog_overdue,
    coalesce(a.immediate_cases, 0) AS immediate_cases,
    coalesce(a.proxy_cases, 0) AS proxy_cases,
    coalesce(a.returned_cases, 0) AS returned_cases
FROM keys AS k
JOIN dim_window AS w USING (window_code)
LEFT JOIN accepted AS a USING (window_code, month)
LEFT JOIN completed AS c USING (window_code, month)
LEFT JOIN backlog AS b USING (window_code, month);
