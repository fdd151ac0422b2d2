CREATE OR REPLACE VIEW api.staff_assessment_scores AS
SELECT year, quarter, staff_id, staff_name, center_code, window_code, score, band, rank, scheme
FROM staff_assessment_score;
