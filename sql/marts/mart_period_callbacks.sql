-- Callback and 好差评 metrics per window, per center and for the county, by month, quarter and year.
-- Coverage: cases completed in the period that were rated or called at all / cases completed.
-- Reach, satisfaction and 差评 (core_callback.is_satisfied / is_bad, among rated) by the callback's date;
-- rectified in time as core_callback.rectified_in_time defines it.
CREATE OR REPLACE VIEW mart_period_callbacks AS
WITH periods AS (
    SELECT * FROM (VALUES ('month'), ('quarter'), ('year')) AS p(period_kind)
),
calls AS (
    SELECT
        CASE WHEN grouping(center_code) = 1 THEN 'county' WHEN grouping(window_code) = 1 THEN 'center' ELSE 'window' END AS scope,
        period_kind, period, center_code, window_code,
        count(*) AS callbacks,
        count(*) FILTER (WHERE reached) AS reached,
        count(rating) AS rated,
        count(*) FILTER (WHERE is_satisfied) AS satisfied,
        count(*) FILTER (WHERE rating = '不满意') AS dissatisfied,
        count(*) FILTER (WHERE rating = '非常不满意') AS very_dissatisfied,
        count(*) FILTER (WHERE is_bad) AS bad_ratings,
        count(*) FILTER (WHERE rectified_in_time) AS bad_rectified_in_time
    FROM (SELECT p.period_kind, CAST(date_trunc(p.period_kind, j.called_at) AS DATE) AS period, j.*
          FROM core_callback AS j CROSS JOIN periods AS p)
    GROUP BY GROUPING SETS ((period_kind, period, center_code, window_code), (period_kind, period, center_code), (period_kind, period))
),
called_cases AS (
    SELECT DISTINCT case_id FROM fct_callback
),
coverage AS (
    SELECT
        CASE WHEN grouping(center_code) = 1 THEN 'county' WHEN grouping(window_code) = 1 THEN 'center' ELSE 'window' END AS scope,
        period_kind, period, center_code, window_code,
        count(*) AS completed_cases,
        count(cc.case_id) AS covered_cases
    FROM (SELECT p.period_kind, CAST(date_trunc(p.period_kind, c.completed_at) AS DATE) AS period, c.center_code, c.window_code, c.case_id
          FROM fct_case AS c CROSS JOIN periods AS p
          WHERE c.completed_at IS NOT NULL) AS done
    LEFT JOIN called_cases AS cc USING (case_id)
    GROUP BY GROUPING SETS ((period_kind, period, center_code, window_code), (period_kind, period, center_code), (period_kind, period))
)
SELECT
    coalesce(k.scope, v.scope) AS scope,
    coalesce(k.period_kind, v.period_kind) AS period_kind,
    coalesce(k.period, v.period) AS period,
    coalesce(k.center_code, v.center_code) AS center_code,
    coalesce(k.window_code, v.window_code) AS window_code,
    CAST(coalesce(k.callbacks, 0) AS BIGINT) AS callbacks,
    CAST(coalesce(k.reached, 0) AS BIGINT) AS reached,
    CAST(coalesce(k.rated, 0) AS BIGINT) AS rated,
    CAST(coalesce(k.satisfied, 0) AS BIGINT) AS satisfied,
    CAST(coalesce(k.dissatisfied, 0) AS BIGINT) AS dissatisfied,
    CAST(coalesce(k.very_dissatisfied, 0) AS BIGINT) AS very_dissatisfied,
    CAST(coalesce(k.bad_ratings, 0) AS BIGINT) AS bad_ratings,
    CAST(coalesce(k.bad_rectified_in_time, 0) AS BIGINT) AS bad_rectified_in_time,
    CAST(coalesce(v.covered_cases, 0) AS BIGINT) AS covered_cases,
    v.covered_cases / nullif(v.completed_cases, 0) AS coverage_rate,
    k.reached / nullif(k.callbacks, 0) AS reach_rate,
    k.satisfied / nullif(k.rated, 0) AS satisfaction_rate,
    k.bad_rectified_in_time / nullif(k.bad_ratings, 0) AS bad_rectified_rate
FROM calls AS k
FULL JOIN coverage AS v
    ON v.scope = k.scope AND v.period_kind = k.period_kind AND v.period = k.period
   AND v.center_code IS NOT DISTINCT FROM k.center_code AND v.window_code IS NOT DISTINCT FROM k.window_code;
