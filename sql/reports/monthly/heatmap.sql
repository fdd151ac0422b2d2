-- 按期办结率 per center and month over the last 12 months (NULL: nothing completed or overdue).
SELECT m.center_code, c.center_name, m.period AS month, m.timeliness_rate
FROM mart_period_center AS m
JOIN dim_center AS c USING (center_code)
WHERE m.scope = 'center' AND m.period_kind = 'month'
  AND m.period > CAST($month - INTERVAL 12 MONTH AS DATE) AND m.period <= $month
ORDER BY m.center_code, m.period;
