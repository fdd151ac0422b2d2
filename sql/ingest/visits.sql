-- Visits (暗访/明查): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).

-- step: upsert
-- No updated_at in this feed: the later export wins (load_ctx.exported_at against the stored version's).
UPDATE fct_visit AS f SET
    visited_at = t.visited_at,
    center_code = t.center_code,
    window_code = t.window_code,
    visit_type = t.visit_type,
    team = t.team,
    problems_found = t.problems_found,
    severity = t.severity,
    findings = t.findings,
    file_id = c.file_id,
    exported_at = c.exported_at
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL AND f.visit_id = t.visit_id
  AND (f.exported_at IS NULL OR c.exported_at >= f.exported_at);

INSERT INTO fct_visit (visit_id, visited_at, center_code, window_code, visit_type, team, problems_found, severity, findings, file_id, exported_at)
SELECT t.visit_id, t.visited_at, t.center_code, t.window_code, t.visit_type, t.team, t.problems_found, t.severity, t.findings, c.file_id, c.exported_at
FROM typed AS t
ANTI JOIN fct_visit AS f ON f.visit_id = t.visit_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL;
