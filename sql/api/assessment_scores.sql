CREATE OR REPLACE VIEW api.assessment_scores AS
SELECT year, quarter, center_code, center_name, head_name, score, band, rank, disqualified, scheme
FROM assessment_score;
