-- The county's headline figures for the month with their change.
SELECT metric, value, previous_value, year_ago_value
FROM mart_period_change
WHERE scope = 'county' AND period_kind = 'month' AND period = $month;
