-- Inspection-plan settings a county may change (sql/seeds/inspection_settings.csv), as one typed row. The priority
-- formula printed in the briefing is built from the same seed rows (InspectionSettings), so it always states what
-- sql/reports/inspection/candidates.sql computes.
CREATE OR REPLACE VIEW core_inspection_setting AS
SELECT
    CAST(max(value) FILTER (WHERE key = 'weight_center_flag') AS DOUBLE) AS weight_center_flag,
    CAST(max(value) FILTER (WHERE key = 'weight_window_flag') AS DOUBLE) AS weight_window_flag,
    CAST(max(value) FILTER (WHERE key = 'weight_red_warnings') AS DOUBLE) AS weight_red_warnings,
    CAST(max(value) FILTER (WHERE key = 'weight_upheld_complaints') AS DOUBLE) AS weight_upheld_complaints,
    CAST(max(value) FILTER (WHERE key = 'weight_video_violations') AS DOUBLE) AS weight_video_violations,
    CAST(max(value) FILTER (WHERE key = 'timing_min_checks') AS INTEGER) AS timing_min_checks
FROM seed_inspection_settings;
