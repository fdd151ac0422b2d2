-- The headline figures per center and for the county, by month, quarter and year: one row per center
-- (every center, active or not) and one county row per period. Briefings, rankings and models read these
-- figures from here.
-- timeliness_rate (按期办结率) = completed on time ÷ (completed + still open and overdue at the period's end),
-- so a backlog left to rot counts against a center as much as late completions do.
-- composite_score (0–100, the 红黑榜 ranking) = the sum of four parts, weights from core_setting:
--   points_timeliness   = w_t × timeliness
--   points_satisfaction = w_s × satisfaction
--   points_video        = w_v × (1 − video violation rate)
--   points_complaints   = w_c × (1 − min(upheld complaints per 1,000 cases ÷ cap, 1))
-- Each rate enters shrunk toward the county's by its volume, (x + k × county rate) ÷ (n + k) with k a setting
-- (a pseudo-count of county-average events), so a small center is not swung by a single case, rating, check
-- or complaint; a part without data is the county's value. The county row's rates are its own.
-- Briefings print the formula from the same core_setting row.
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
        coalesce(cs.cases_completed, 0) + coalesce(cs.backlog_overdue, 0) AS timeliness_base,
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
        coalesce(cb.rated, 0) AS callbacks_rated,
        coalesce(cb.satisfied, 0) AS callbacks_satisfied,
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
),
shrunk AS (
    SELECT
        j.*,
        (j.completed_on_time + s.shrink_cases_timeliness * coalesce(county.timeliness_rate, 1))
            / (j.timeliness_base + s.shrink_cases_timeliness) AS timeliness_score,
        (j.callbacks_satisfied + s.shrink_ratings_satisfaction * coalesce(county.satisfaction_rate, 1))
            / (j.callbacks_rated + s.shrink_ratings_satisfaction) AS satisfaction_score,
        (j.video_violations + s.shrink_checks_video * coalesce(county.violation_rate, 0))
            / (j.video_checks + s.shrink_checks_video) AS violation_score,
        1000.0 * (j.complaints_upheld + s.shrink_cases_complaints * coalesce(county.upheld_per_1000_cases, 0) / 1000.0)
            / (j.cases_accepted + s.shrink_cases_complaints) AS upheld_per_1000_score,
        s.composite_weight_timeliness, s.composite_weight_satisfaction, s.composite_weight_video,
        s.composite_weight_complaints, s.complaint_cap_per_1000
    FROM joined AS j
    CROSS JOIN core_setting AS s
    LEFT JOIN joined AS county
        ON county.scope = 'county' AND county.period_kind = j.period_kind AND county.period = j.period
),
points AS (
    SELECT
        sh.* EXCLUDE (composite_weight_timeliness, composite_weight_satisfaction, composite_weight_video,
                      composite_weight_complaints, complaint_cap_per_1000),
        sh.composite_weight_timeliness * sh.timeliness_score AS points_timeliness,
        sh.composite_weight_satisfaction * sh.satisfaction_score AS points_satisfaction,
        sh.composite_weight_video * (1 - sh.violation_score) AS points_video,
        sh.composite_weight_complaints * (1 - least(sh.upheld_per_1000_score / sh.complaint_cap_per_1000, 1)) AS points_complaints
    FROM shrunk AS sh
)
SELECT p.*, p.points_timeliness + p.points_satisfaction + p.points_video + p.points_complaints AS composite_score
FROM points AS p;
