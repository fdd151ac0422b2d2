-- Video spot-check metrics per window, per center and for the county, by month, quarter and year.
-- Violations, empty halls and offline cameras as core_video_check defines them.
CREATE OR REPLACE VIEW mart_period_video AS
SELECT
    CASE WHEN grouping(center_code) = 1 THEN 'county' WHEN grouping(window_code) = 1 THEN 'center' ELSE 'window' END AS scope,
    period_kind, period, center_code, window_code,
    CAST(count(*) AS BIGINT) AS video_checks,
    CAST(count(*) FILTER (WHERE is_violation) AS BIGINT) AS video_violations,
    CAST(count(*) FILTER (WHERE is_empty_hall) AS BIGINT) AS empty_hall_checks,
    CAST(count(*) FILTER (WHERE is_offline) AS BIGINT) AS offline_checks,
    count(*) FILTER (WHERE is_violation) / count(*) AS violation_rate,
    count(*) FILTER (WHERE is_offline) / count(*) AS offline_rate
FROM (
    SELECT p.period_kind, CAST(date_trunc(p.period_kind, v.checked_at) AS DATE) AS period, v.*
    FROM core_video_check AS v
    CROSS JOIN (VALUES ('month'), ('quarter'), ('year')) AS p(period_kind)
)
-- hall-wide checks (no window) count for the center and county only
GROUP BY GROUPING SETS ((period_kind, period, center_code, window_code), (period_kind, period, center_code), (period_kind, period))
HAVING grouping(window_code) = 1 OR window_code IS NOT NULL;
