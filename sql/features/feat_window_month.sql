-- Features of every window for every month, each from what was known BEFORE that month (months m-1, m-3..m-1,
-- m-6..m-1, or the state at the month's first day), and the month's outcome for training and backtests.
-- Rates are per case, so size alone does not flag a window.
-- Outcome: overdue_cases = cases due in the month that missed their due time (judged at completion, or at the last
-- load while open); the label threshold is applied by the model (a setting). visit_problems = the most problems an
-- unannounced visit (暗访) naming the window found in the month: a second outcome, used as a further training label.
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
visits AS (
    SELECT window_code, CAST(date_trunc('month', visited_at) AS DATE) AS month, max(problems_found) AS visit_problems
    FROM fct_visit WHERE visit_type = '暗访' AND window_code IS NOT NULL
    GROUP BY ALL
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
           coalesce(b.backlog_overdue, 0) AS backlog_end,
           coalesce(vi.visit_problems, 0) AS visit_problems
    FROM grid AS g
    LEFT JOIN due AS d USING (window_code, month)
    LEFT JOIN accepted AS a USING (window_code, month)
    LEFT JOIN complaints AS c USING (window_code, month)
    LEFT JOIN ratings AS r USING (window_code, month)
    LEFT JOIN video AS v USING (window_code, month)
    LEFT JOIN backlog AS b USING (window_code, month)
    LEFT JOIN visits AS vi USING (window_code, month)
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
    SELECT month, sum(od_3) / nullif(sum(due_3), 0) AS county_overdue_rate_3m
    FROM lagged GROUP BY month
)
SELECT
    l.window_code, l.center_code, l.month,
    CAST(coalesce(l.history_months, 0) AS INTEGER) AS history_months,
    CAST(coalesce(l.od_1 / nullif(l.due_1, 0), 0) AS REAL) AS overdue_rate_1m,
    CAST(coalesce(l.od_3 / nullif(l.due_3, 0), 0) AS REAL) AS overdue_rate_3m,
    CAST(coalesce(l.od_6 / nullif(l.due_6, 0), 0) AS REAL) AS overdue_rate_6m,
    CAST(coalesce(l.backlog_start / nullif(l.accepted_1, 0), 0) AS REAL) AS backlog_per_case,
    CAST(coalesce(l.backlog_start, 0) AS REAL) AS backlog_start,
    CAST(coalesce(l.accepted_1, 0) / (greatest(s.staff_on_roster, 1) * dp.working_days) AS REAL) AS cases_per_staff_day,
    CAST(coalesce(s.staff_changes, 0) AS REAL) AS staff_changes_3m,
    CAST(s.a_posts = 0 AS REAL) AS vacant_a_post,
    CAST(coalesce(s.temporary_staff / nullif(s.staff_on_roster, 0), 0) AS REAL) AS temporary_share,
    CAST(s.staff_on_roster AS REAL) AS staff_on_roster,
    CAST(coalesce(l.long_3 / nullif(l.accepted_3, 0), 0) AS REAL) AS long_item_share_3m,
    CAST(coalesce(100.0 * l.complaints_3 / nullif(l.accepted_3, 0), 0) AS REAL) AS complaints_per_100_3m,
    CAST(coalesce(100.0 * l.upheld_3 / nullif(l.accepted_3, 0), 0) AS REAL) AS upheld_per_100_3m,
    CAST(coalesce(l.bad_3 / nullif(l.rated_3, 0), 0) AS REAL) AS dissatisfied_rate_3m,
    CAST(coalesce(l.violations_3 / nullif(l.checks_3, 0), 0) AS REAL) AS video_violation_rate_3m,
    CAST(month(l.month) AS REAL) AS month_of_year,
    CAST(d.working_days AS REAL) AS working_days,
    CAST(d.holiday_weekdays AS REAL) AS holiday_weekdays,
    CAST(coalesce(c.county_overdue_rate_3m, 0) AS REAL) AS county_overdue_rate_3m,
    CAST(l.due_cases AS INTEGER) AS due_cases,
    CAST(l.overdue_cases AS INTEGER) AS overdue_cases,
    CAST(l.visit_problems AS INTEGER) AS visit_problems
FROM lagged AS l
JOIN staff AS s USING (window_code, month)
JOIN days AS d USING (month)
LEFT JOIN days AS dp ON dp.month = CAST(l.month - INTERVAL 1 MONTH AS DATE)
LEFT JOIN county AS c USING (month);
