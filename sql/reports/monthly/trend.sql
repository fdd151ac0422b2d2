-- The county's last 12 months up to the briefing month.
SELECT period AS month, cases_accepted, timeliness_rate, overdue_rate, complaints, satisfaction_rate
FROM mart_period_center
WHERE scope = 'county' AND period_kind = 'month'
  AND period > CAST($month - INTERVAL 12 MONTH AS DATE) AND period <= $month
ORDER BY period;
