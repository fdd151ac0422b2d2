-- Signals of a center that is not really running (形同虚设), per center and month, from that month's records; every
-- share is shrunk toward the county's share that month by its own sample (shrink_rate), and the counts behind it
-- are given beside it for the reasons' evidence test:
--   cases_per_1000          cases accepted per 1,000 residents (compared with the peers' median by the model)
--   empty_post_share        share of video checks that found an empty post (core_video_check.is_empty_post)
--   backfill_share          share of the month's cases back-filled for an announced inspection (core_backfilled_case)
--   phone_reuse_share       share of the month's called cases whose callback phone is shared with 5+ other cases
--                           (core_reused_callback_phone)
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
backfill AS (
    SELECT center_code, CAST(date_trunc('month', accepted_at) AS DATE) AS month, count(*) AS backfilled
    FROM core_backfilled_case GROUP BY ALL
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
reused AS (
    SELECT DISTINCT center_code, month, case_id FROM core_reused_callback_phone
),
callback_signals AS (
    SELECT k.center_code, k.month,
           count(*) AS callbacks,
           count(*) FILTER (WHERE NOT k.reached) AS unreached,
           count(DISTINCT k.case_id) AS called_cases,
           count(DISTINCT r.case_id) AS reused_phone_cases
    FROM calls AS k LEFT JOIN reused AS r USING (center_code, month, case_id)
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
),
six AS (
    SELECT m.*,
           sum(complaints) OVER w6 AS complaints_6m, sum(cases) OVER w6 AS cases_6m
    FROM monthly AS m
    WINDOW w6 AS (PARTITION BY center_code ORDER BY month ROWS BETWEEN 5 PRECEDING AND CURRENT ROW)
),
county AS (
    -- the county's shares the same month: the priors each center's share is shrunk toward
    SELECT six.*,
           sum(empty_posts) OVER m / nullif(sum(checks) OVER m, 0) AS county_empty_post_rate,
           sum(backfilled) OVER m / nullif(sum(cases) OVER m, 0) AS county_backfill_rate,
           sum(reused_phone_cases) OVER m / nullif(sum(called_cases) OVER m, 0) AS county_phone_reuse_rate,
           sum(unreached) OVER m / nullif(sum(callbacks) OVER m, 0) AS county_unreachable_rate,
           sum(idle) OVER m / nullif(sum(on_roster) OVER m, 0) AS county_idle_rate,
           sum(complaints_6m) OVER m / nullif(sum(cases_6m) OVER m, 0) AS county_complaint_rate_6m
    FROM six
    WINDOW m AS (PARTITION BY month)
)
SELECT
    center_code, month,
    CAST(cases AS INTEGER) AS cases,
    CAST(coalesce(1000.0 * cases / nullif(population, 0), 0) AS REAL) AS cases_per_1000,
    CAST(shrink_rate(empty_posts, checks, county_empty_post_rate, st.shrink_checks) AS REAL) AS empty_post_share,
    CAST(shrink_rate(backfilled, cases, county_backfill_rate, st.shrink_cases) AS REAL) AS backfill_share,
    CAST(shrink_rate(reused_phone_cases, called_cases, county_phone_reuse_rate, st.shrink_callbacks) AS REAL) AS phone_reuse_share,
    CAST(shrink_rate(unreached, callbacks, county_unreachable_rate, st.shrink_callbacks) AS REAL) AS unreachable_share,
    CAST(shrink_rate(idle, on_roster, county_idle_rate, st.shrink_staff) AS REAL) AS idle_staff_share,
    CAST(1000 * shrink_rate(complaints_6m, cases_6m, county_complaint_rate_6m, st.shrink_complaint_cases) AS REAL) AS complaints_per_1000_6m,
    -- the samples behind the shares and the county's shares, for the evidence test of each reason
    CAST(population AS INTEGER) AS population,
    CAST(checks AS INTEGER) AS video_checks, CAST(empty_posts AS INTEGER) AS empty_posts,
    CAST(backfilled AS INTEGER) AS backfilled,
    CAST(called_cases AS INTEGER) AS called_cases, CAST(reused_phone_cases AS INTEGER) AS reused_phone_cases,
    CAST(callbacks AS INTEGER) AS callbacks, CAST(unreached AS INTEGER) AS unreached,
    CAST(on_roster AS INTEGER) AS on_roster, CAST(idle AS INTEGER) AS idle,
    CAST(complaints_6m AS INTEGER) AS complaints_6m, CAST(cases_6m AS INTEGER) AS cases_6m,
    CAST(coalesce(county_empty_post_rate, 0) AS REAL) AS county_empty_post_rate,
    CAST(coalesce(county_backfill_rate, 0) AS REAL) AS county_backfill_rate,
    CAST(coalesce(county_phone_reuse_rate, 0) AS REAL) AS county_phone_reuse_rate,
    CAST(coalesce(county_unreachable_rate, 0) AS REAL) AS county_unreachable_rate,
    CAST(coalesce(county_idle_rate, 0) AS REAL) AS county_idle_rate,
    CAST(coalesce(county_complaint_rate_6m, 0) AS REAL) AS county_complaint_rate_6m
FROM county CROSS JOIN feat_flag_setting AS st;
