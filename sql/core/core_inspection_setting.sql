-- Inspection-plan settings a county may change (sql/seeds/inspection_settings.csv), as one typed row: the inspection
-- plan's part of core_setting. The priority formula printed in the briefing is built from the same seed rows
-- (InspectionSettings), so it always states what sql/reports/inspection/candidates.sql computes.
CREATE OR REPLACE VIEW core_inspection_setting AS
SELECT weight_center_flag, weight_window_flag, weight_red_warnings, weight_upheld_complaints, weight_video_violations,
       timing_min_checks
FROM core_setting;
