-- The credibility gate's facts per center and quarter: cases, residents, windows, video checks and how many found
-- nobody at the post or in the hall, back-filled cases (core_setting.backfill_hours), and the settings that say
-- when a center counts as fabricating records; is_empty_hall (空壳大厅) is the one definition, sql/core/core_empty_hall.sql. The rules file adds its own minimums.
WITH q AS (
    SELECT c.center_code, q.quarter
    FROM dim_center AS c, range($first_quarter, $last_quarter + 1) AS q(quarter)
),
cases AS (
    SELECT center_code, quarter(accepted_at) AS quarter, count(*) AS cases,
           count(*) FILTER (WHERE recorded_at > accepted_at + to_hours((SELECT backfill_hours FROM core_setting))) AS backfilled
    FROM fct_case WHERE year(accepted_at) = $year GROUP BY ALL
),
video AS (
    SELECT center_code, quarter(checked_at) AS quarter, count(*) AS checks, count(*) FILTER (WHERE is_empty_post) AS empty_checks
    FROM core_video_check WHERE year(checked_at) = $year GROUP BY ALL
),
windows AS (
    SELECT center_code, count(*) AS windows FROM dim_window WHERE closed_on IS NULL OR year(closed_on) >= $year GROUP BY ALL
)
SELECT q.center_code, CAST(q.quarter AS INTEGER) AS quarter, coalesce(c.cases, 0) AS cases, coalesce(c.backfilled, 0) AS backfilled,
       d.population, coalesce(w.windows, 0) AS windows, coalesce(v.checks, 0) AS video_checks, coalesce(v.empty_checks, 0) AS empty_checks,
       is_empty_hall(v.checks, v.empty_checks) AS is_empty_hall, s.empty_hall_check_share, s.empty_hall_min_checks, s.fabricated_backfill_share, s.backfill_hours
FROM q
JOIN dim_center AS d USING (center_code)
CROSS JOIN core_setting AS s
LEFT JOIN cases AS c ON c.center_code = q.center_code AND c.quarter = q.quarter
LEFT JOIN video AS v ON v.center_code = q.center_code AND v.quarter = q.quarter
LEFT JOIN windows AS w ON w.center_code = q.center_code
ORDER BY 1, 2;
