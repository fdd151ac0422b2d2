-- The settings a county may change, as one typed row: the metric settings (sql/seeds/metric_settings.csv) and the
-- inspection plan's (sql/seeds/inspection_settings.csv). The one pivot of the settings seeds: feat_flag_setting and
-- core_inspection_setting are projections of this row.
-- The composite score (mart_period_center) and the formula the briefing prints both read these columns; backfill_hours is
-- the one back-fill threshold (core_backfilled_case, the monthly data-quality line, the assessment's 补录 evidence).
CREATE OR REPLACE VIEW core_setting AS
SELECT
    CAST(max(value) FILTER (WHERE key = 'bad_rating_rectify_working_days') AS INTEGER) AS bad_rating_rectify_working_days,
    CAST(max(value) FILTER (WHERE key = 'yellow_days_left') AS INTEGER) AS yellow_days_left,
    CAST(max(value) FILTER (WHERE key = 'yellow_share_used') AS DOUBLE) AS yellow_share_used,
    CAST(max(value) FILTER (WHERE key = 'composite_weight_timeliness') AS DOUBLE) AS composite_weight_timeliness,
    CAST(max(value) FILTER (WHERE key = 'composite_weight_satisfaction') AS DOUBLE) AS composite_weight_satisfaction,
    CAST(max(value) FILTER (WHERE key = 'composite_weight_video') AS DOUBLE) AS composite_weight_video,
    CAST(max(value) FILTER (WHERE key = 'composite_weight_complaints') AS DOUBLE) AS composite_weight_complaints,
    CAST(max(value) FILTER (WHERE key = 'complaint_cap_per_1000') AS DOUBLE) AS complaint_cap_per_1000,
    CAST(max(value) FILTER (WHERE key = 'shrink_cases_timeliness') AS DOUBLE) AS shrink_cases_timeliness,
    CAST(max(value) FILTER (WHERE key = 'shrink_ratings_satisfaction') AS DOUBLE) AS shrink_ratings_satisfaction,
    CAST(max(value) FILTER (WHERE key = 'shrink_checks_video') AS DOUBLE) AS shrink_checks_video,
    CAST(max(value) FILTER (WHERE key = 'shrink_cases_complaints') AS DOUBLE) AS shrink_cases_complaints,
    CAST(max(value) FILTER (WHERE key = 'long_open_days_past_due') AS INTEGER) AS long_open_days_past_due,
    CAST(max(value) FILTER (WHERE key = 'backfill_hours') AS INTEGER) AS backfill_hours,
    CAST(max(value) FILTER (WHERE key = 'center_open_default') AS TIME) AS center_open_default,
    CAST(max(value) FILTER (WHERE key = 'center_close_default') AS TIME) AS center_close_default,
    CAST(max(value) FILTER (WHERE key = 'extended_service_grace_minutes') AS INTEGER) AS extended_service_grace_minutes,
    CAST(max(value) FILTER (WHERE key = 'empty_hall_check_share') AS DOUBLE) AS empty_hall_check_share,
    CAST(max(value) FILTER (WHERE key = 'empty_hall_min_checks') AS INTEGER) AS empty_hall_min_checks,
    CAST(max(value) FILTER (WHERE key = 'fabricated_backfill_share') AS DOUBLE) AS fabricated_backfill_share,
    CAST(max(value) FILTER (WHERE key = 'shrink_cases_backfill') AS DOUBLE) AS shrink_cases_backfill,
    CAST(max(value) FILTER (WHERE key = 'backfill_burst_margin') AS DOUBLE) AS backfill_burst_margin,
    CAST(max(value) FILTER (WHERE key = 'overdue_prone_min_late') AS INTEGER) AS overdue_prone_min_late,
    CAST(max(value) FILTER (WHERE key = 'overdue_prone_margin') AS DOUBLE) AS overdue_prone_margin,
    CAST(max(value) FILTER (WHERE key = 'shrink_staff_idle') AS DOUBLE) AS shrink_staff_idle,
    CAST(max(value) FILTER (WHERE key = 'evidence_alpha') AS DOUBLE) AS evidence_alpha,
    CAST(max(value) FILTER (WHERE key = 'strong_evidence_alpha') AS DOUBLE) AS strong_evidence_alpha,
    CAST(max(value) FILTER (WHERE key = 'ranking_backtest_months') AS INTEGER) AS ranking_backtest_months,
    CAST(max(value) FILTER (WHERE key = 'weight_center_flag') AS DOUBLE) AS weight_center_flag,
    CAST(max(value) FILTER (WHERE key = 'weight_window_flag') AS DOUBLE) AS weight_window_flag,
    CAST(max(value) FILTER (WHERE key = 'weight_red_warnings') AS DOUBLE) AS weight_red_warnings,
    CAST(max(value) FILTER (WHERE key = 'weight_upheld_complaints') AS DOUBLE) AS weight_upheld_complaints,
    CAST(max(value) FILTER (WHERE key = 'weight_video_violations') AS DOUBLE) AS weight_video_violations,
    CAST(max(value) FILTER (WHERE key = 'timing_min_checks') AS INTEGER) AS timing_min_checks
FROM (SELECT key, value FROM seed_metric_settings UNION ALL BY NAME SELECT key, value FROM seed_inspection_settings);
