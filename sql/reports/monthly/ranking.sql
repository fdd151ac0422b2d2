-- Every center for the month, ranked by the composite score (1 = best; equal scores as printed share a rank), with
-- the parts the score is made of. A center found an empty hall in the month (is_empty_hall, sql/core/core_empty_hall.sql)
-- ranks below every other center whatever its rates: the briefing puts it on the black list and says why.
WITH video AS (
    SELECT center_code, count(*) AS checks, count(*) FILTER (WHERE is_empty_post) AS empty_checks
    FROM core_video_check
    WHERE date_trunc('month', checked_at) = $month
    GROUP BY ALL
),
flagged AS (
    SELECT m.*, coalesce(v.empty_checks, 0) AS video_empty_checks,
           is_empty_hall(v.checks, v.empty_checks) AS is_empty_hall
    FROM mart_period_center AS m
    LEFT JOIN video AS v USING (center_code)
    WHERE m.scope = 'center' AND m.period_kind = 'month' AND m.period = $month
)
SELECT
    rank() OVER (ORDER BY m.is_empty_hall, round(m.composite_score, 1) DESC) AS rank,
    c.center_code, c.center_name, c.head_name,
    -- every figure of mart_period_center, so a figure the catalogue (report-templates/figures.json) adds can be printed
    m.* EXCLUDE (scope, period_kind, period, center_code),
    ch.change_from_previous AS score_change
FROM flagged AS m
JOIN dim_center AS c USING (center_code)
LEFT JOIN mart_period_change AS ch
    ON ch.scope = 'center' AND ch.period_kind = 'month' AND ch.period = m.period
   AND ch.center_code = m.center_code AND ch.metric = 'composite_score'
ORDER BY rank, c.center_code;
