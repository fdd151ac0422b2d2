-- The settings of the flags (sql/seeds/metric_settings.csv) as one typed row: the definition of an overdue-prone
-- window-month, the shrinkage strengths of every rate that ranks or explains, and the evidence thresholds.
CREATE OR REPLACE VIEW feat_flag_setting AS
SELECT
    CAST(max(value) FILTER (WHERE key = 'overdue_prone_min_late') AS INTEGER) AS overdue_prone_min_late,
    CAST(max(value) FILTER (WHERE key = 'overdue_prone_margin') AS DOUBLE) AS overdue_prone_margin,
    CAST(max(value) FILTER (WHERE key = 'shrink_cases_timeliness') AS DOUBLE) AS shrink_cases,
    CAST(max(value) FILTER (WHERE key = 'shrink_ratings_satisfaction') AS DOUBLE) AS shrink_callbacks,
    CAST(max(value) FILTER (WHERE key = 'shrink_checks_video') AS DOUBLE) AS shrink_checks,
    CAST(max(value) FILTER (WHERE key = 'shrink_cases_complaints') AS DOUBLE) AS shrink_complaint_cases,
    CAST(max(value) FILTER (WHERE key = 'shrink_staff_idle') AS DOUBLE) AS shrink_staff,
    CAST(max(value) FILTER (WHERE key = 'evidence_alpha') AS DOUBLE) AS evidence_alpha,
    CAST(max(value) FILTER (WHERE key = 'strong_evidence_alpha') AS DOUBLE) AS strong_evidence_alpha,
    CAST(max(value) FILTER (WHERE key = 'ranking_backtest_months') AS INTEGER) AS ranking_backtest_months
FROM seed_metric_settings;
