CREATE OR REPLACE VIEW api.visits AS
SELECT visit_id, visited_at, center_code, window_code, visit_type, team, problems_found, severity, findings
FROM fct_visit;
