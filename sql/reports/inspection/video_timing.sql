-- When video checks found violations, per center over the 12 months up to the end of $month: by weekday (1 = Monday)
-- and by hour of day, each with its number of checks, so the briefing advises a time only where the sample is large
-- enough (core_inspection_setting.timing_min_checks). Checks that found the equipment offline say nothing about the
-- staff and are left out.
WITH checks AS (
    SELECT center_code, CAST(isodow(checked_at) AS INTEGER) AS weekday, CAST(hour(checked_at) AS INTEGER) AS hour, is_violation
    FROM core_video_check
    WHERE checked_at >= CAST($month AS DATE) - INTERVAL 11 MONTH
      AND checked_at < CAST($month AS DATE) + INTERVAL 1 MONTH
      AND NOT is_offline
)
SELECT center_code,
       CASE WHEN GROUPING(weekday) = 0 THEN 'weekday' ELSE 'hour' END AS slot_kind,
       CAST(coalesce(weekday, hour) AS INTEGER) AS slot,
       CAST(count(*) AS BIGINT) AS video_checks,
       CAST(count(*) FILTER (WHERE is_violation) AS BIGINT) AS video_violations
FROM checks
GROUP BY GROUPING SETS ((center_code, weekday), (center_code, hour))
ORDER BY center_code, slot_kind, slot;
