-- Signals of a center that is not really running (形同虚设), per center and month, from that month's records:
--   cases_per_1000          cases accepted per 1,000 residents (compared with the peers' median by the model)
--   empty_post_share        share of video checks that found an empty post (core_video_check.is_empty_post)
--   backfill_share          share of the month's cases recorded in the 3 days before an announced inspection (明查)
--                           and more than 48 hours after they were accepted
--   phone_reuse_share       share of the month's called cases whose callback phone is shared with 5+ other cases
--   unreachable_share       share of callbacks not reached
--   idle_staff_share        share of staff on the roster who handled no case in the month
--   complaints_per_1000_6m  complaints per 1,000 cases over the last 6 months (none at all is itself a signal)
CREATE OR REPLACE VIEW feat_center_month AS
WITH bounds AS (
    SELECT CAST(date_trunc('month', min(accepted_at)) AS DATE) AS first_month,
           CAST(date_trunc('month', (SELECT as_of FROM meta_as_of)) AS DATE) AS last_month
    FROM fct_case
),
grid AS (
    SELECT c.center_code, c.population, CAST(m AS DATE) AS month
    FROM dim_center AS c, bounds, range(bounds.first_month, bounds.last_month + INTERVAL 1 MONTH, INTERVAL 1 MONTH) AS t(m)
),
cases AS (
    SELECT center_code, CAST(date_trunc('month', accepted_at) AS DATE) AS month, count(*) AS cases
    FROM fct_case GROUP BY ALL
),
announced AS (
    SELECT center_code, visited_at FROM fct_visit WHERE visit_type = '明查'
),
backfill AS (
    SELECT c.center_code, CAST(date_trunc('month', c.accepted_at) AS DATE) AS month, count(DISTINCT c.case_id) AS backfilled
    FROM fct_case AS c
    JOIN announced AS v
      ON v.center_code = c.center_code
     AND c.recorded_at >= v.visited_at - INTERVAL 3 DAY AND c.recorded_at < v.visited_at
    WHERE c.recorded_at > c.accepted_at + INTERVAL 48 HOUR
    GROUP BY ALL
),
video AS (
    SELECT center_code, CAST(date_trunc('month', checked_at) AS DATE) AS month,
           count(*) AS checks, count(*) FILTER (WHERE is_empty_post) AS empty_posts
    FROM core_video_check GROUP BY ALL
),
calls AS (
    SELECT center_code, CAST(date_trunc('month', called_at) AS DATE) AS month, case_id, phone_hash, reached
    FROM core_callback
),
phone_cases AS (
    SELECT center_code, month, phone_hash, count(DISTINCT case_id) AS n
    FROM calls WHERE phone_hash IS NOT NULL GROUP BY ALL
),
callback_signals AS (
    SELECT k.center_code, k.month,
           count(*) AS callbacks,
           count(*) FILTER (WHERE NOT k.reached) AS unreached,
           count(DISTINCT k.case_id) AS called_cases,
           count(DISTINCT k.case_id) FILTER (WHERE p.n >= 6) AS reused_phone_cases
    FROM calls AS k LEFT JOIN phone_cases AS p USING (center_code, month, phone_hash)
    GROUP BY ALL
),
staff AS (
    SELECT g.center_code, g.month,
           count(DISTINCT s.staff_id) AS on_roster,
           count(DISTINCT s.staff_id) FILTER (WHERE w.staff_id IS NULL) AS idle
    FROM grid AS g
    JOIN dim_staff AS s ON s.center_code = g.center_code AND s.active_from <= g.month
                       AND (s.active_to IS NULL OR s.active_to >= CAST(g.month + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE))
    LEFT JOIN (SELECT DISTINCT staff_id, CAST(date_trunc('month', accepted_at) AS DATE) AS month FROM fct_case WHERE staff_id IS NOT NULL) AS w
           ON w.staff_id = s.staff_id AND w.month = g.month
    GROUP BY ALL
),
complaints AS (
    SELECT center_code, CAST(date_trunc('month', received_at) AS DATE) AS month, count(*) AS complaints
    FROM fct_complaint GROUP BY ALL
),
monthly AS (
    SELECT g.center_code, g.month, g.population,
           coalesce(c.cases, 0) AS cases, coalesce(b.backfilled, 0) AS backfilled,
           coalesce(v.checks, 0) AS checks, coalesce(v.empty_posts, 0) AS empty_posts,
           coalesce(k.callbacks, 0) AS callbacks, coalesce(k.unreached, 0) AS unreached,
           coalesce(k.called_cases, 0) AS called_cases, coalesce(k.reused_phone_cases, 0) AS reused_phone_cases,
           coalesce(s.on_roster, 0) AS on_roster, coalesce(s.idle, 0) AS idle,
           coalesce(p.complaints, 0) AS complaints
    FROM grid AS g
    LEFT JOIN cases AS c USING (center_code, month)
    LEFT JOIN backfill AS b USING (center_code, month)
    LEFT JOIN video AS v USING (center_code, month)
    LEFT JOIN callback_signals AS k USING (center_code, month)
    LEFT JOIN staff AS s USING (center_code, month)
    LEFT JOIN complaints AS p USING (center_code, month)
)
SELECT
    center_code, month,
    CAST(cases AS INTEGER) AS cases,
    CAST(coalesce(1000.0 * cases / nullif(population, 0), 0) AS REAL) AS cases_per_1000,
    CAST(coalesce(empty_posts / nullif(checks, 0), 0) AS REAL) AS empty_post_share,
    CAST(coalesce(backfilled / nullif(cases, 0), 0) AS REAL) AS backfill_share,
    CAST(coalesce(reused_phone_cases / nullif(called_cases, 0), 0) AS REAL) AS phone_reuse_share,
    CAST(coalesce(unreached / nullif(callbacks, 0), 0) AS REAL) AS unreachable_share,
    CAST(coalesce(idle / nullif(on_roster, 0), 0) AS REAL) AS idle_staff_share,
    CAST(coalesce(1000.0 * sum(complaints) OVER w6 / nullif(sum(cases) OVER w6, 0), 0) AS REAL) AS complaints_per_1000_6m,
    CAST(checks AS INTEGER) AS video_checks,
    CAST(callbacks AS INTEGER) AS callbacks
FROM monthly
WINDOW w6 AS (PARTITION BY center_code ORDER BY month ROWS BETWEEN 5 PRECEDING AND CURRENT ROW);
