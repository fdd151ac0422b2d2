-- Every center for the month, ranked by the composite score (1 = best).
SELECT
    rank() OVER (ORDER BY m.composite_score DESC, c.center_code) AS rank,
    c.center_code, c.center_name, c.head_name,
    m.cases_accepted, m.cases_completed, m.on_time_rate, m.completed_overdue, m.backlog_overdue,
    m.complaints, m.complaints_upheld, m.satisfaction_rate, m.violation_rate, m.composite_score,
    ch.change_from_previous AS score_change
FROM mart_period_center AS m
JOIN dim_center AS c USING (center_code)
LEFT JOIN mart_period_change AS ch
    ON ch.scope = 'center' AND ch.period_kind = 'month' AND ch.period = m.period
   AND ch.center_code = m.center_code AND ch.metric = 'composite_score'
WHERE m.scope = 'center' AND m.period_kind = 'month' AND m.period = $month
ORDER BY rank;
