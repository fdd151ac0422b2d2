-- Every center for the month, ranked by the composite score (1 = best), with the parts the score is made of.
SELECT
    rank() OVER (ORDER BY m.composite_score DESC, c.center_code) AS rank,
    c.center_code, c.center_name, c.head_name,
    m.cases_accepted, m.cases_completed, m.completed_on_time, m.timeliness_rate, m.completed_overdue, m.backlog_overdue,
    m.complaints, m.complaints_upheld, m.upheld_per_1000_cases, m.callbacks_rated, m.satisfaction_rate,
    m.video_checks, m.video_violations, m.violation_rate,
    m.points_timeliness, m.points_satisfaction, m.points_video, m.points_complaints, m.composite_score,
    ch.change_from_previous AS score_change
FROM mart_period_center AS m
JOIN dim_center AS c USING (center_code)
LEFT JOIN mart_period_change AS ch
    ON ch.scope = 'center' AND ch.period_kind = 'month' AND ch.period = m.period
   AND ch.center_code = m.center_code AND ch.metric = 'composite_score'
WHERE m.scope = 'center' AND m.period_kind = 'month' AND m.period = $month
ORDER BY rank;
