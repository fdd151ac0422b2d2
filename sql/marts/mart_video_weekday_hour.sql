-- Video checks per center, month, weekday (1 = Monday) and hour, for "when are posts empty" patterns.
CREATE OR REPLACE VIEW mart_video_weekday_hour AS
SELECT
    center_code,
    CAST(date_trunc('month', checked_at) AS DATE) AS month,
    CAST(isodow(checked_at) AS INTEGER) AS weekday,
    CAST(hour(checked_at) AS INTEGER) AS hour,
    CAST(count(*) AS BIGINT) AS video_checks,
    CAST(count(*) FILTER (WHERE is_violation) AS BIGINT) AS video_violations,
    CAST(count(*) FILTER (WHERE is_offline) AS BIGINT) AS offline_checks
FROM core_video_check
GROUP BY ALL;
