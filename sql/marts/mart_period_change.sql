-- Month-over-month and year-over-year change of the headline figures, one row per figure
-- (long form, so a briefing lists them and "what improved / what got worse" sorts them); the composite's four
-- parts (points_*) add up to it, so a change of the score is explained by the changes of its parts.
-- previous = the period before (month, quarter or year); year_ago = the same period a year earlier.
CREATE OR REPLACE VIEW mart_period_change AS
WITH long AS (
    UNPIVOT (
        SELECT scope, period_kind, period, coalesce(center_code, '') AS center_key,
               CAST(cases_accepted AS DOUBLE) AS cases_accepted,
               CAST(on_time_rate AS DOUBLE) AS on_time_rate,
               CAST(timeliness_rate AS DOUBLE) AS timeliness_rate,
               CAST(backlog_overdue AS DOUBLE) AS backlog_overdue,
               CAST(complaints AS DOUBLE) AS complaints,
               CAST(complaints_upheld AS DOUBLE) AS complaints_upheld,
               CAST(satisfaction_rate AS DOUBLE) AS satisfaction_rate,
               CAST(violation_rate AS DOUBLE) AS violation_rate,
               CAST(composite_score AS DOUBLE) AS composite_score,
               CAST(points_timeliness AS DOUBLE) AS points_timeliness,
               CAST(points_satisfaction AS DOUBLE) AS points_satisfaction,
               CAST(points_video AS DOUBLE) AS points_video,
               CAST(points_complaints AS DOUBLE) AS points_complaints
        FROM mart_period_center
    )
    ON cases_accepted, on_time_rate, timeliness_rate, backlog_overdue, complaints, complaints_upheld, satisfaction_rate,
       violation_rate, composite_score, points_timeliness, points_satisfaction, points_video, points_complaints
    INTO NAME metric VALUE value
)
SELECT
    cur.scope, cur.period_kind, cur.period, nullif(cur.center_key, '') AS center_code, cur.metric,
    cur.value, prev.value AS previous_value, ago.value AS year_ago_value,
    cur.value - prev.value AS change_from_previous,
    cur.value - ago.value AS change_from_year_ago
FROM long AS cur
LEFT JOIN long AS prev
    ON prev.scope = cur.scope AND prev.center_key = cur.center_key AND prev.metric = cur.metric
   AND prev.period_kind = cur.period_kind
   AND prev.period = CAST(cur.period - CASE cur.period_kind WHEN 'month' THEN INTERVAL 1 MONTH
                                                            WHEN 'quarter' THEN INTERVAL 3 MONTH
                                                            ELSE INTERVAL 1 YEAR END AS DATE)
LEFT JOIN long AS ago
    ON ago.scope = cur.scope AND ago.center_key = cur.center_key AND ago.metric = cur.metric
   AND ago.period_kind = cur.period_kind AND ago.period = CAST(cur.period - INTERVAL 1 YEAR AS DATE);
