-- Features of every window for every month, each from what was known BEFORE that month (months m-1, m-3..m-1,
-- m-6..m-1, or the state at the month's first day), and the month's outcome for training and backtests.
-- Every rate is shrunk toward the county's by its own sample (shrink_rate), and no feature is a count that grows
-- with volume: a count appears only beside its denominator, for the reasons' evidence test.
-- Outcome: overdue_prone (is_overdue_prone over the cases due in the month, judged at completion or, while open, at
-- the last load): the one definition of an overdue-prone window-month.
CREATE OR REPLACE VIEW feat_window_month AS
WITH bounds AS (
    SELECT CAST(date_trunc('month', min(accepted_at)) AS DATE) AS first_month,
           CAST(date_trunc('month', (SELECT as_of FROM meta_as_of)) AS DATE) AS last_month
    FROM fct_case
),
months AS (
    SELECT CAST(m AS DATE) AS month
    FROM bounds, range(bounds.first_month, bounds.last_month + INTERVAL 1 MONTH, INTERVAL 1 MONTH) AS t(m)
),
grid AS (
    SELECT w.window_code, w.center_code, m.month FROM dim_window AS w CROSS JOIN months AS m
),
due AS (
    SELECT window_code, CAST(date_trunc('month', due_at) AS DATE) AS month,
           count(*) AS due_cases, count(*) FILTER (WHERE is_overdue) AS overdue_cases
    FROM core_case WHERE due_at IS NOT NULL AND case_type <> '即办件'
    GROUP BY ALL
),
accepted AS (
    SELECT c.window_code, CAST(date_trunc('month', c.accepted_at) AS DATE) AS month,
           count(*) AS accepted_cases,
           count(*) FILTER (WHERE i.promised_days >= 10) AS long_cases
    FROM fct_case AS c LEFT JOIN dim_item AS i USING (item_code)
    GROUP BY ALL
),
complaints AS (
    SELECT window_code, CAST(date_trunc('month', received_at) AS DATE) AS month,
           count(*) AS complaints, count(*) FILTER (WHERE is_upheld) AS upheld
    FROM core_complaint WHERE window_code IS NOT NULL
    GROUP BY ALL
),
ratings AS (
    SELECT window_code, CAST(date_trunc('month', called_at) AS DATE) AS month,
           count(rating) AS rated, count(*) FILTER (WHERE is_bad) AS bad_ratings
    FROM core_callback
    GROUP BY ALL
),
video AS (
    SELECT window_code, CAST(date_trunc('month', checked_at) AS DATE) AS month,
           count(*) AS checks, count(*) FILTER (WHERE is_violation) AS violations
    FROM core_video_check WHERE window_code IS NOT NULL
    GROUP BY ALL
),
backlog AS (
    SELECT window_code, month, backlog_overdue FROM mart_window_month_cases
),
days AS (
    SELECT CAST(date_trunc('month', date) AS DATE) AS month,
           count(*) FILTER (WHERE is_working_day) AS working_days,
           count(*) FILTER (WHERE NOT is_working_day AND isodow(date) <= 5) AS holiday_weekdays
    FROM dim_calendar GROUP BY ALL
),
staff AS (
    -- the roster on the month's first day, and changes during the three months before it
    SELECT g.window_code, g.month,
           count(s.staff_id) FILTER (WHERE s.active_from <= g.month AND (s.active_to IS NULL OR s.active_to >= g.month)) AS staff_on_roster,
           count(s.staff_id) FILTER (WHERE s.active_from <= g.month AND (s.active_to IS NULL OR s.active_to >= g.month) AND s.post = 'A岗') AS a_posts,
           count(s.staff_id) FILTER (WHERE s.active_from <= g.month AND (s.active_to IS NULL OR s.active_to >= g.month)
                                     AND s.employment IN ('临聘', '返聘')) AS temporary_staff,
           count(s.staff_id) FILTER (WHERE s.active_from BETWEEN g.month - INTERVAL 3 MONTH AND g.month
                                        OR s.active_to BETWEEN g.month - INTERVAL 3 MONTH AND g.month) AS staff_changes
    FROM grid AS g LEFT JOIN dim_staff AS s ON s.window_code = g.window_code
    GROUP BY g.window_code, g.month
),
monthly AS (
    SELECT g.window_code, g.center_code, g.month,
           coalesce(d.due_cases, 0) AS due_cases, coalesce(d.overdue_cases, 0) AS overdue_cases,
           coalesce(a.accepted_cases, 0) AS accepted_cases, coalesce(a.long_cases, 0) AS long_cases,
           coalesce(c.complaints, 0) AS complaints, coalesce(c.upheld, 0) AS upheld,
           coalesce(r.rated, 0) AS rated, coalesce(r.bad_ratings, 0) AS bad_ratings,
           coalesce(v.checks, 0) AS checks, coalesce(v.violations, 0) AS violations,
           coalesce(b.backlog_overdue, 0) AS backlog_end
    FROM grid AS g
    LEFT JOIN due AS d USING (window_code, month)
    LEFT JOIN accepted AS a USING (window_code, month)
    LEFT JOIN complaints AS c USING (window_code, month)
    LEFT JOIN ratings AS r USING (window_code, month)
    LEFT JOIN video AS v USING (window_code, month)
    LEFT JOIN backlog AS b USING (window_code, month)
),
lagged AS (
    SELECT m.*,
        sum(overdue_cases) OVER w1 AS od_1, sum(due_cases) OVER w1 AS due_1,
        sum(overdue_cases) OVER w3 AS od_3, sum(due_cases) OVER w3 AS due_3,
        sum(overdue_cases) OVER w6 AS od_6, sum(due_cases) OVER w6 AS due_6,
        sum(backlog_end) OVER w1 AS backlog_start,
        sum(accepted_cases) OVER w1 AS accepted_1,
        sum(accepted_cases) OVER w3 AS accepted_3, sum(long_cases) OVER w3 AS long_3,
        sum(complaints) OVER w3 AS complaints_3, sum(upheld) OVER w3 AS upheld_3,
        sum(rated) OVER w3 AS rated_3, sum(bad_ratings) OVER w3 AS bad_3,
        sum(checks) OVER w3 AS checks_3, sum(violations) OVER w3 AS violations_3,
        count(*) OVER w6 AS history_months
    FROM monthly AS m
    WINDOW w1 AS (PARTITION BY window_code ORDER BY month ROWS BETWEEN 1 PRECEDING AND 1 PRECEDING),
           w3 AS (PARTITION BY window_code ORDER BY month ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING),
           w6 AS (PARTITION BY window_code ORDER BY month ROWS BETWEEN 6 PRECEDING AND 1 PRECEDING)
),
county AS (
    -- the county's rates over the same windows of months: the priors every window's rate is shrunk toward
    SELECT month,
           sum(overdue_cases) / nullif(sum(due_cases), 0) AS county_overdue_rate,
           sum(od_1) / nullif(sum(due_1), 0) AS county_1m, sum(od_3) / nullif(sum(due_3), 0) AS county_3m,
           sum(od_6) / nullif(sum(due_6), 0) AS county_6m,
           sum(complaints_3) / nullif(sum(accepted_3), 0) AS county_complaints_3m,
           sum(upheld_3) / nullif(sum(accepted_3), 0) AS county_upheld_3m,
           sum(bad_3) / nullif(sum(rated_3), 0) AS county_bad_3m,
           sum(violations_3) / nullif(sum(checks_3), 0) AS county_violations_3m
    FROM lagged GROUP BY month
)
SELECT
    l.window_code, l.center_code, l.month,
    CAST(coalesce(l.history_months, 0) AS INTEGER) AS history_months,
    CAST(coalesce(l.od_1 / nullif(l.due_1, 0), 0) AS REAL) AS overdue_rate_1m,
    CAST(shrink_rate(l.od_1, l.due_1, c.county_1m, st.shrink_cases) AS REAL) AS overdue_shrunk_1m,
    CAST(shrink_rate(l.od_3, l.due_3, c.county_3m, st.shrink_cases) AS REAL) AS overdue_shrunk_3m,
    CAST(shrink_rate(l.od_6, l.due_6, c.county_6m, st.shrink_cases) AS REAL) AS overdue_shrunk_6m,
    CAST(coalesce(l.backlog_start / nullif(l.accepted_1, 0), 0) AS REAL) AS backlog_per_case,
    CAST(coalesce(l.accepted_1, 0) / (greatest(s.staff_on_roster, 1) * dp.working_days) AS REAL) AS cases_per_staff_day,
    CAST(coalesce(s.staff_changes, 0) AS REAL) AS staff_changes_3m,
    CAST(s.a_posts = 0 AS REAL) AS vacant_a_post,
    CAST(coalesce(s.temporary_staff / nullif(s.staff_on_roster, 0), 0) AS REAL) AS temporary_share,
    CAST(s.staff_on_roster AS INTEGER) AS staff_on_roster,
    CAST(coalesce(l.long_3 / nullif(l.accepted_3, 0), 0) AS REAL) AS long_item_share_3m,
    CAST(100 * shrink_rate(l.complaints_3, l.accepted_3, c.county_complaints_3m, st.shrink_complaint_cases) AS REAL) AS complaints_per_100_3m,
    CAST(100 * shrink_rate(l.upheld_3, l.accepted_3, c.county_upheld_3m, st.shrink_complaint_cases) AS REAL) AS upheld_per_100_3m,
    CAST(shrink_rate(l.bad_3, l.rated_3, c.county_bad_3m, st.shrink_callbacks) AS REAL) AS dissatisfied_rate_3m,
    CAST(shrink_rate(l.violations_3, l.checks_3, c.county_violations_3m, st.shrink_checks) AS REAL) AS video_violation_rate_3m,
    CAST(month(l.month) AS REAL) AS month_of_year,
    CAST(d.working_days AS REAL) AS working_days,
    CAST(d.holiday_weekdays AS REAL) AS holiday_weekdays,
    CAST(coalesce(c.county_3m, 0) AS REAL) AS county_overdue_rate_3m,
    -- the samples behind the rates (counts only beside their denominators): for the reasons' evidence test
    CAST(coalesce(l.od_1, 0) AS INTEGER) AS overdue_1m, CAST(coalesce(l.due_1, 0) AS INTEGER) AS due_1m,
    CAST(coalesce(l.od_3, 0) AS INTEGER) AS overdue_3m, CAST(coalesce(l.due_3, 0) AS INTEGER) AS due_3m,
    CAST(coalesce(l.od_6, 0) AS INTEGER) AS overdue_6m, CAST(coalesce(l.due_6, 0) AS INTEGER) AS due_6m,
    CAST(coalesce(c.county_1m, 0) AS REAL) AS county_overdue_rate_1m,
    CAST(coalesce(c.county_6m, 0) AS REAL) AS county_overdue_rate_6m,
    CAST(coalesce(l.upheld_3, 0) AS INTEGER) AS upheld_3m, CAST(coalesce(l.accepted_3, 0) AS INTEGER) AS accepted_3m,
    CAST(coalesce(c.county_upheld_3m, 0) AS REAL) AS county_upheld_rate_3m,
    CAST(coalesce(l.bad_3, 0) AS INTEGER) AS bad_ratings_3m, CAST(coalesce(l.rated_3, 0) AS INTEGER) AS rated_3m,
    CAST(coalesce(c.county_bad_3m, 0) AS REAL) AS county_dissatisfied_rate_3m,
    CAST(coalesce(l.violations_3, 0) AS INTEGER) AS violations_3m, CAST(coalesce(l.checks_3, 0) AS INTEGER) AS checks_3m,
    CAST(coalesce(c.county_violations_3m, 0) AS REAL) AS county_violation_rate_3m,
    -- the month's outcome and the one label (is_overdue_prone, settings in feat_flag_setting)
    CAST(l.due_cases AS INTEGER) AS due_cases,
    CAST(l.overdue_cases AS INTEGER) AS overdue_cases,
    CAST(coalesce(c.county_overdue_rate, 0) AS REAL) AS county_overdue_rate,
    is_overdue_prone(l.overdue_cases, l.due_cases, c.county_overdue_rate, st.overdue_prone_min_late, st.overdue_prone_margin) AS overdue_prone
FROM lagged AS l
JOIN staff AS s USING (window_code, month)
JOIN days AS d USING (month)
LEFT JOIN days AS dp ON dp.month = CAST(l.month - INTERVAL 1 MONTH AS DATE)
LEFT JOIN county AS c USING (month)
CROSS JOIN feat_flag_setting AS st;
