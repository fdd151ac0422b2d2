-- Video spot checks of the month that found a violation at a window or in the hall.
SELECT v.center_code, v.check_id, v.checked_at, v.finding, w.window_name, v.note
FROM fct_video_check AS v
LEFT JOIN dim_window AS w USING (window_code)
WHERE v.finding IN ('离岗', '空岗', '玩手机', '睡岗', '大厅无人') AND date_trunc('month', v.checked_at) = $month
ORDER BY v.center_code, v.checked_at, v.check_id;
