-- The headline figures per center and for the county, by month, quarter and year: one row per center
-- (every center, active or not) and one county row per period. Briefings, rankings and models read these
-- figures from here.
-- composite_score (0–100, the 红黑榜 ranking) =
--   40 × timeliness + 20 × satisfaction + 20 × (1 − video violation rate)
--   + 20 × (1 − min(upheld complaints per 1,000 cases ÷ 10, 1));
-- timeliness = completed on time ÷ (completed + still open and overdue at the period's end), so a backlog
-- left to rot counts against a center as much as late completions do;
-- a center without data for a part (no completed cases, no ratings, no checks) gets the county's value for it.
CREATE OR REPLACE VIEW mart_period_center AS
WITH periods AS (
    SELECT DISTINCT period_kind, period FROM mart_period_cases
    UNION SELECT DISTINCT period_kind, period FROM mart_period_complaints
    UNION SELECT DISTINCT period_kind, period FROM mart_period_video
),
keys AS (
    SELECT 'center' AS scope, p.period_kind, p.period, c.center_code FROM periods AS p CROSS JOIN dim_center AS c
    UNION ALL
    SELECT 'county', p.period_kind, p.period, NULL FROM periods AS p
),
joined AS (
    SELECT
        k.scope, k.period_kind, k.period, k.center_code,
        coalesce(cs.cases_accepted, 0) AS cases_accepted,
        coalesce(cs.cases_completed, 0) AS cases_completed,
        coalesce(cs.completed_on_time, 0) AS completed_on_time,
        coalesce(cs.completed_overdue, 0) AS completed_overdue,
        coalesce(cs.overdue_working_days, 0) AS overdue_working_days,
        coalesce(cs.backlog_overdue, 0) AS backlog_overdue,
        coalesce(cs.returned_cases, 0) AS returned_cases,
        cs.on_time_rate, cs.overdue_rate,
        cs.completed_on_time / nullif(cs.cases_completed + cs.backlog_overdue, 0) AS timeliness_rate, cs.immediate_share, cs.proxy_share,
        coalesce(cp.complaints, 0) AS complaints,
        coalesce(cp.upheld, 0) AS complaints_upheld,
        coalesce(cp.upheld_bribery, 0) AS complaints_upheld_bribery,
        coalesce(cp.pending, 0) AS complaints_pending,
        cp.response_rate, cp.median_response_days,
        coalesce(cp.repeat_complainants, 0) AS repeat_complainants,
        1000.0 * coalesce(cp.complaints, 0) / nullif(cs.cases_accepted, 0) AS complaints_per_1000_cases,
        1000.0 * coalesce(cp.upheld, 0) / nullif(cs.cases_accepted, 0) AS upheld_per_1000_cases,
        coalesce(cb.callbacks, 0) AS callbacks,
        coalesce(cb.bad_ratings, 0) AS bad_ratings,
        coalesce(cb.dissatisfied, 0) AS dissatisfied,
        coalesce(cb.very_dissatisfied, 0) AS very_dissatisfied,
        cb.coverage_rate, cb.reach_rate, cb.satisfaction_rate, cb.bad_rectified_rate,
        coalesce(v.video_checks, 0) AS video_checks,
        coalesce(v.video_violations, 0) AS video_violations,
        coalesce(v.empty_hall_checks, 0) AS empty_hall_checks,
        v.violation_rate, v.offline_rate,
        coalesce(vi.visits, 0) AS visits,
        coalesce(vi.problems_found, 0) AS visit_problems,
        vi.problems_per_visit
    FROM keys AS k
    LEFT JOIN mart_period_cases AS cs
        ON cs.scope = k.scope AND cs.period_kind = k.period_kind AND cs.period = k.period AND cs.center_code IS NOT DISTINCT FROM k.center_code
    LEFT JOIN mart_period_complaints AS cp
        ON cp.scope = k.scope AND cp.period_kind = k.period_kind AND cp.period = k.period AND cp.center_code IS NOT DISTINCT FROM k.center_code
    LEFT JOIN mart_period_callbacks AS cb
        ON cb.scope = k.scope AND cb.period_kind = k.period_kind AND cb.period = k.period AND cb.center_code IS NOT DISTINCT FROM k.center_code
    LEFT JOIN mart_period_video AS v
        ON v.scope = k.scope AND v.period_kind = k.period_kind AND v.period = k.period AND v.center_code IS NOT DISTINCT FROM k.center_code
    LEFT JOIN mart_period_visits AS vi
        ON vi.scope = k.scope AND vi.period_kind = k.period_kind AND vi.period = k.period AND vi.center_code IS NOT DISTINCT FROM k.center_code
)
SELECT
    j.*,
    40 * coalesce(j.timeliness_rate, county.timeliness_rate, 1)
      + 20 * coalesce(j.satisfaction_rate, county.satisfaction_rate, 1)
      + 20 * (1 - coalesce(j.violation_rate, county.violation_rate, 0))
      + 20 * (1 - least(coalesce(j.upheld_per_1000_cases, county.upheld_per_1000_cases, 0) / 10, 1)) AS composite_score
FROM joined AS j
LEFT JOIN joined AS county
    ON county.scope = 'county' AND county.period_kind = j.period_kind AND county.period = j.period;
