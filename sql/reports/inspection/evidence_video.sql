-- Evidence annex: the video checks that found a violation (core_video_check.is_violation) in the three months up to
-- the end of $month, per center, by id and time, so the recordings can be pulled.
SELECT v.center_code, v.check_id, v.checked_at, w.window_name, v.finding
FROM core_video_check AS v
LEFT JOIN dim_window AS w USING (window_code)
WHERE v.is_violation
  AND v.checked_at >= CAST($month AS DATE) - INTERVAL 2 MONTH
  AND v.checked_at < CAST($month AS DATE) + INTERVAL 1 MONTH
ORDER BY v.center_code, v.checked_at, v.check_id;
