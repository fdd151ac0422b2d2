-- The county row for the month (all headline figures).
SELECT *
FROM mart_period_center
WHERE scope = 'county' AND period_kind = 'month' AND period = $month;
