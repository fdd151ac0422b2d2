-- The settings of the flags as one typed row, the flags' part of core_setting (sql/seeds/metric_settings.csv): the
-- definition of an overdue-prone window-month, the shrinkage strengths of every rate that ranks or explains, and the
-- evidence thresholds.
CREATE OR REPLACE VIEW feat_flag_setting AS
SELECT overdue_prone_min_late, overdue_prone_margin,
       shrink_cases_timeliness AS shrink_cases, shrink_ratings_satisfaction AS shrink_callbacks,
       shrink_checks_video AS shrink_checks, shrink_cases_complaints AS shrink_complaint_cases,
       shrink_staff_idle AS shrink_staff,
       evidence_alpha, strong_evidence_alpha, ranking_backtest_months
FROM core_setting;
