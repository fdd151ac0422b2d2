-- Case metrics per window, per center and for the county, by month, quarter and year (scope 'window' / 'center' / 'county').
-- Counts come from mart_window_month_cases; rates are computed here from the summed counts, once.
-- The backlog is a stock, not a flow: a period's backlog is the one at the end of its last month
-- (or of the current month, for a period still running).
CREATE OR REPLACE VIEW mart_period_cases AS
WITH expanded AS (
    SELECT p.period_kind, CAST(date_trunc(p.period_kind, m.month) AS DATE) AS period, m.*
    FROM mart_window_month_cases AS m
    CROSS JOIN (VALUES ('month'), ('quarter'), ('year')) AS p(period_kind)
),
closing AS (
    -- the month whose end closes each period: its last month, or the current month if earlier
    SELECT e.*, e.month = least(
               CAST(e.period + CASE e.period_kind WHEN 'month' THEN INTERVAL 0 MONTH
                                                  WHEN 'quarter' THEN INTERVAL 2 MONTH
                                                  ELSE INTERVAL 11 MONTH END AS DATE),
               CAST(date_trunc('month', a.as_of) AS DATE)) AS is_closing_month
    FROM expanded AS e, meta_as_of AS a
)
SELECT
    CASE WHEN grouping(center_code) = 1 THEN 'county' WHEN grouping(window_code) = 1 THEN 'center' ELSE 'window' END AS scope,
    period_kind, period, center_code, window_code,
    CAST(sum(cases_accepted) AS BIGINT) AS cases_accepted,
    CAST(sum(cases_completed) AS BIGINT) AS cases_completed,
    CAST(sum(completed_on_time) AS BIGINT) AS completed_on_time,
    CAST(sum(completed_overdue) AS BIGINT) AS completed_overdue,
    CAST(sum(overdue_working_days) AS BIGINT) AS overdue_working_days,
    CAST(coalesce(sum(backlog_overdue) FILTER (WHERE is_closing_month), 0) AS BIGINT) AS backlog_overdue,
    CAST(sum(immediate_cases) AS BIGINT) AS immediate_cases,
    CAST(sum(proxy_cases) AS BIGINT) AS proxy_cases,
    CAST(sum(returned_cases) AS BIGINT) AS returned_cases,
    sum(completed_on_time) / nullif(sum(cases_completed), 0) AS on_time_rate,
    sum(completed_overdue) / nullif(sum(cases_completed), 0) AS overdue_rate,
    sum(immediate_cases) / nullif(sum(cases_accepted), 0) AS immediate_share,
    sum(proxy_cases) / nullif(sum(cases_accepted), 0) AS proxy_share
FROM closing
GROUP BY GROUPING SETS ((period_kind, period, center_code, window_code), (period_kind, period, center_code), (period_kind, period));
