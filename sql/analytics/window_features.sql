-- Window features for months in [$from, $to) with names for reasons; read by WindowModel.
SELECT f.*, w.window_name, c.center_name
FROM feat_window_month AS f
JOIN dim_window AS w USING (window_code)
JOIN dim_center AS c ON c.center_code = f.center_code
WHERE f.month >= $from AND f.month < $to AND f.history_months >= 1
ORDER BY f.month, f.window_code;
