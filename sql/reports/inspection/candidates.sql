-- Evidence per center for the inspection plan drawn up after $month: the month's listed flags (only what passed the
-- evidence threshold), the share of open cases past due at month end, upheld complaints per case and the video
-- violation rate over the last three months (each shrunk toward the county's by its own sample with shrink_rate, never
-- a raw count), the center's latest signals, and its last unannounced visit. priority weighs each piece of evidence —
-- for a rate, its excess over the county's — divided by the worst center's this month, with the weights in
-- core_inspection_setting; the briefing prints the formula from the same settings (InspectionSettings).
WITH bounds AS (
    SELECT CAST($month AS DATE) AS month_start,
           CAST($month AS DATE) + INTERVAL 1 MONTH AS month_end,
           CAST($month AS DATE) - INTERVAL 2 MONTH AS three_months_start
),
center_flag AS (
    SELECT f.code AS center_code, f.score AS center_score, f.rank AS center_rank, f.reasons AS center_reasons,
           f.listed AS center_listed, f.strong AS center_strong
    FROM ml_flag AS f, bounds AS b WHERE f.kind = 'center' AND f.month = b.month_start
),
window_flag AS (
    SELECT f.center_code, max(f.score) AS window_score, min(f.rank) AS best_window_rank
    FROM ml_flag AS f, bounds AS b WHERE f.kind = 'window' AND f.month = b.month_start AND f.listed
    GROUP BY ALL
),
red AS (
    SELECT center_code, count(*) FILTER (WHERE warning = 'red') AS red_warnings, count(*) AS open_cases
    FROM mart_case_warnings((SELECT month_end - INTERVAL 1 SECOND FROM bounds))
    GROUP BY ALL
),
cases AS (
    SELECT c.center_code, count(*) AS cases_3m
    FROM fct_case AS c, bounds AS b
    WHERE c.accepted_at >= b.three_months_start AND c.accepted_at < b.month_end
    GROUP BY ALL
),
complaints AS (
    SELECT m.center_code, sum(m.upheld) AS upheld_complaints, sum(m.upheld_bribery) AS upheld_bribery
    FROM mart_period_complaints AS m, bounds AS b
    WHERE m.scope = 'center' AND m.period_kind = 'month' AND m.period >= b.three_months_start AND m.period < b.month_end
    GROUP BY ALL
),
video AS (
    SELECT m.center_code, sum(m.video_checks) AS video_checks, sum(m.video_violations) AS video_violations,
           sum(m.empty_hall_checks) AS empty_hall_checks
    FROM mart_period_video AS m, bounds AS b
    WHERE m.scope = 'center' AND m.period_kind = 'month' AND m.period >= b.three_months_start AND m.period < b.month_end
    GROUP BY ALL
),
signals AS (
    SELECT s.center_code, s.backfill_share, s.phone_reuse_share, s.idle_staff_share
    FROM feat_center_month AS s, bounds AS b WHERE s.month = b.month_start
),
last_visit AS (
    SELECT v.center_code, v.visited_at AS last_visit_at, v.problems_found AS last_visit_problems, v.findings AS last_visit_findings
    FROM fct_visit AS v, bounds AS b
    WHERE v.visit_type = '暗访' AND v.visited_at < b.month_end
    QUALIFY row_number() OVER (PARTITION BY v.center_code ORDER BY v.visited_at DESC, v.visit_id DESC) = 1
),
evidence AS (
    SELECT c.center_code, c.center_name,
           f.center_score, f.center_rank, f.center_reasons,
           coalesce(f.center_listed, false) AS center_listed, coalesce(f.center_strong, false) AS center_strong,
           w.window_score, w.best_window_rank,
           coalesce(r.red_warnings, 0) AS red_warnings,
           coalesce(r.open_cases, 0) AS open_cases,
           coalesce(k.cases_3m, 0) AS cases_3m,
           coalesce(p.upheld_complaints, 0) AS upheld_complaints,
           coalesce(p.upheld_bribery, 0) AS upheld_bribery,
           coalesce(v.video_checks, 0) AS video_checks,
           coalesce(v.video_violations, 0) AS video_violations,
           coalesce(v.empty_hall_checks, 0) AS empty_hall_checks,
           coalesce(s.backfill_share, 0) AS backfill_share,
           coalesce(s.phone_reuse_share, 0) AS phone_reuse_share,
           coalesce(s.idle_staff_share, 0) AS idle_staff_share,
           l.last_visit_at, l.last_visit_problems, l.last_visit_findings
    FROM dim_center AS c
    LEFT JOIN center_flag AS f USING (center_code)
    LEFT JOIN window_flag AS w USING (center_code)
    LEFT JOIN red AS r USING (center_code)
    LEFT JOIN cases AS k USING (center_code)
    LEFT JOIN complaints AS p USING (center_code)
    LEFT JOIN video AS v USING (center_code)
    LEFT JOIN signals AS s USING (center_code)
    LEFT JOIN last_visit AS l USING (center_code)
),
county AS (
    SELECT sum(red_warnings) / nullif(sum(open_cases), 0) AS county_red_share,
           sum(upheld_complaints) / nullif(sum(cases_3m), 0) AS county_upheld_rate,
           sum(video_violations) / nullif(sum(video_checks), 0) AS county_violation_rate
    FROM evidence
),
rates AS (
    SELECT e.*, k.county_red_share, k.county_upheld_rate, k.county_violation_rate,
           shrink_rate(e.red_warnings, e.open_cases, k.county_red_share, st.shrink_cases) AS red_share_shrunk,
           shrink_rate(e.upheld_complaints, e.cases_3m, k.county_upheld_rate, st.shrink_complaint_cases) AS upheld_rate_shrunk,
           shrink_rate(e.video_violations, e.video_checks, k.county_violation_rate, st.shrink_checks) AS violation_rate_shrunk
    FROM evidence AS e, county AS k, feat_flag_setting AS st
),
excess AS (
    SELECT r.*,
           CASE WHEN r.center_listed THEN r.center_score ELSE 0 END AS listed_center_score,
           greatest(r.red_share_shrunk - coalesce(r.county_red_share, 0), 0) AS red_excess,
           greatest(r.upheld_rate_shrunk - coalesce(r.county_upheld_rate, 0), 0) AS upheld_excess,
           greatest(r.violation_rate_shrunk - coalesce(r.county_violation_rate, 0), 0) AS violation_excess
    FROM rates AS r
)
SELECT e.* EXCLUDE (listed_center_score, red_excess, upheld_excess, violation_excess),
       s.weight_center_flag * coalesce(e.listed_center_score / nullif(max(e.listed_center_score) OVER (), 0), 0)
     + s.weight_window_flag * coalesce(e.window_score / nullif(max(e.window_score) OVER (), 0), 0)
     + s.weight_red_warnings * coalesce(e.red_excess / nullif(max(e.red_excess) OVER (), 0), 0)
     + s.weight_upheld_complaints * coalesce(e.upheld_excess / nullif(max(e.upheld_excess) OVER (), 0), 0)
     + s.weight_video_violations * coalesce(e.violation_excess / nullif(max(e.violation_excess) OVER (), 0), 0) AS priority
FROM excess AS e, core_inspection_setting AS s
ORDER BY priority DESC, center_code;
