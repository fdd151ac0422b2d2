-- The months with case data, oldest first.
SELECT DISTINCT month FROM feat_window_month ORDER BY month;
