-- When posts were most often found empty: per center, weekday (1 = Monday) and hour over the 12 months up to the end
-- of $month, the slots where video checks found violations, worst first.
SELECT center_code, weekday, hour, sum(video_checks) AS video_checks, sum(video_violations) AS video_violations,
       sum(video_violations) / sum(video_checks) AS violation_rate
FROM mart_video_weekday_hour
WHERE month > CAST($month AS DATE) - INTERVAL 12 MONTH AND month <= CAST($month AS DATE)
GROUP BY center_code, weekday, hour
HAVING sum(video_violations) >= 2
ORDER BY center_code, violation_rate DESC, video_violations DESC, weekday, hour;
