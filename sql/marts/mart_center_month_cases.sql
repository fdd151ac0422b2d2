-- Case metrics per center and month, rolled up from mart_window_month_cases; rates from the summed counts.
CREATE OR REPLACE VIEW mart_center_month_cases AS
SELECT
    center_code, month,
    CAST(sum(cases_accepted) AS BIGINT) AS cases_accepted,
    CAST(sum(cases_completed) AS BIGINT) AS cases_completed,
    CAST(sum(completed_on_time) AS BIGINT) AS completed_on_time,
    CAST(sum(completed_overdue) AS BIGINT) AS completed_overdue,
    CAST(sum(overdue_working_days) AS BIGINT) AS overdue_working_days,
    CAST(sum(backlog_overdue) AS BIGINT) AS backlog_overdue,
    sum(completed_on_time) / nullif(sum(cases_completed), 0) AS on_time_rate,
    sum(immediate_cases) / nullif(sum(cases_accepted), 0) AS immediate_share,
    sum(proxy_cases) / nullif(sum(cases_accepted), 0) AS proxy_share,
    CAST(sum(returned_cases) AS BIGINT) AS returned_cases
FROM mart_window_month_cases
GROUP BY ALL;
