-- Video spot checks of the month that found a violation at a window or in the hall.
SELECT v.center_code, v.check_id, v.checked_at, v.finding, w.window_name, v.note, v.is_empty_hall
FROM core_video_check AS v
LEFT JOIN dim_window AS w USING (window_code)
WHERE v.is_violation AND date_trunc('month', v.checked_at) = $month
ORDER BY v.center_code, v.checked_at, v.check_id;
