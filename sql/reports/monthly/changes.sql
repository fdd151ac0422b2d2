-- Per center, the month's change of each headline figure from the month before (for "improved / worse").
SELECT center_code, metric, value, previous_value, change_from_previous
FROM mart_period_change
WHERE scope = 'center' AND period_kind = 'month' AND period = $month AND change_from_previous IS NOT NULL;
