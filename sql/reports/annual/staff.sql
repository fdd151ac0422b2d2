-- Window staff active at some time in the period, with their center and window as the staff feed gives them.
SELECT s.staff_id, s.staff_name, s.center_code, c.center_name, s.window_code, c.county_code, s.post
FROM dim_staff AS s
JOIN dim_center AS c USING (center_code)
WHERE s.window_code IS NOT NULL
  AND coalesce(s.active_from, DATE '1900-01-01') <= $period_end
  AND coalesce(s.active_to, DATE '9999-12-31') >= $period_start
ORDER BY s.staff_id;
