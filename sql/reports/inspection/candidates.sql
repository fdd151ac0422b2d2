-- Evidence per center for the inspection plan drawn up after $month: the month's flags, red warnings open at month
-- end, upheld complaints and video violations over the last three months, the center's latest signals, and its last
-- unannounced visit. priority weighs each piece of evidence, divided by the worst center's this month, with the weights
-- in core_inspection_setting; the briefing prints the formula from the same settings (InspectionSettings).
WITH bounds AS (
    SELECT CAST($month AS DATE) AS month_start,
           CAST($month AS DATE) + INTERVAL 1 MONTH AS month_end,
           CAST($month AS DATE) - INTERVAL 2 MONTH AS three_months_start
),
center_flag AS (
    SELECT f.code AS center_code, f.score AS center_score, f.rank AS center_rank, f.reasons AS center_reasons
    FROM ml_flag AS f, bounds AS b WHERE f.kind = 'center' AND f.month = b.month_start
),
window_flag AS (
    SELECT f.center_code, max(f.score) AS window_score, min(f.rank) AS best_window_rank
    FROM ml_flag AS f, bounds AS b WHERE f.kind = 'window' AND f.month = b.month_start
    GROUP BY ALL
),
red AS (
    SELECT center_code, count(*) AS red_warnings
    FROM mart_case_warnings((SELECT month_end - INTERVAL 1 SECOND FROM bounds))
    WHERE warning = 'red'
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
           w.window_score, w.best_window_rank,
           coalesce(r.red_warnings, 0) AS red_warnings,
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
    LEFT JOIN complaints AS p USING (center_code)
    LEFT JOIN video AS v USING (center_code)
    LEFT JOIN signals AS s USING (center_code)
    LEFT JOIN last_visit AS l USING (center_code)
)
SELECT e.*,
       s.weight_center_flag * coalesce(e.center_score / nullif(max(e.center_score) OVER (), 0), 0)
     + s.weight_window_flag * coalesce(e.window_score / nullif(max(e.window_score) OVER (), 0), 0)
     + s.weight_red_warnings * coalesce(e.red_warnings / nullif(max(e.red_warnings) OVER (), 0), 0)
     + s.weight_upheld_complaints * coalesce(e.upheld_complaints / nullif(max(e.upheld_complaints) OVER (), 0), 0)
     + s.weight_video_violations * coalesce(e.video_violations / nullif(max(e.video_violations) OVER (), 0), 0) AS priority
FROM evidence AS e, core_inspection_setting AS s
ORDER BY priority DESC, center_code;
