CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        fold_code(r.visit_id) AS visit_id,
        parse_ts(r.visited_at) AS visited_at,
        fold_code(r.center_code) AS center_code,
        nullif(fold_code(r.window_code), '') AS window_code,
        coalesce(x_visit_type.canonical, e_visit_type.canonical) AS visit_type,
        nullif(trim(r.team), '') AS team,
        parse_int(r.problems_found) AS problems_found,
        coalesce(x_severity.canonical, e_severity.canonical) AS severity,
        r.findings AS findings,
        r.visited_at AS raw_visited_at, r.visit_type AS raw_visit_type, r.problems_found AS raw_problems_found,
        r.severity AS raw_severity
    FROM raw_rows AS r
    LEFT JOIN seed_enum_values AS x_visit_type ON x_visit_type.domain = 'visit_type' AND x_visit_type.value = r.visit_type
    LEFT JOIN seed_enum_values AS e_visit_type ON e_visit_type.domain = 'visit_type' AND lower(e_visit_type.value) = CASE WHEN x_visit_type.value IS NULL THEN lower(trim(r.visit_type)) END
    LEFT JOIN seed_enum_values AS x_severity ON x_severity.domain = 'severity' AND x_severity.value = r.severity
    LEFT JOIN seed_enum_values AS e_severity ON e_severity.domain = 'severity' AND lower(e_severity.value) = CASE WHEN x_severity.value IS NULL THEN lower(trim(r.severity)) END
)
SELECT
    p.* EXCLUDE (raw_visited_at, raw_visit_type, raw_problems_found, raw_severity),
    CASE
        WHEN is_blank(p.visit_id) THEN problem('visit_id', '检查编号为空')
        WHEN is_blank(p.raw_visited_at) THEN problem('visited_at', '检查时间为空')
        WHEN p.visited_at IS NULL THEN problem('visited_at', '检查时间“' || trim(p.raw_visited_at) || '”无法识别为日期时间')
        WHEN p.visited_at < b.from_at OR p.visited_at >= b.until_at THEN out_of_range_problem('visited_at', '检查时间', p.raw_visited_at, b.earliest, b.latest)
        WHEN is_blank(p.center_code) THEN problem('center_code', '中心编码为空')
        WHEN ce.center_code IS NULL THEN problem('center_code', '中心编码“' || p.center_code || '”不存在（请先报送中心表：centers/中心）')
        WHEN p.window_code IS NOT NULL AND w.window_code IS NULL THEN problem('window_code', '窗口编码“' || p.window_code || '”不存在（请先报送窗口表：windows/窗口）')
        WHEN is_blank(p.raw_visit_type) THEN problem('visit_type', '方式为空')
        WHEN p.visit_type IS NULL THEN problem('visit_type', '方式“' || trim(p.raw_visit_type) || '”不在允许值内（明查/暗访）')
        WHEN is_blank(p.raw_problems_found) THEN problem('problems_found', '发现问题数为空')
        WHEN p.problems_found IS NULL OR p.problems_found < 0 THEN problem('problems_found', '发现问题数“' || trim(p.raw_problems_found) || '”不是非负整数')
        WHEN NOT is_blank(p.raw_severity) AND p.severity IS NULL THEN problem('severity', '严重程度“' || trim(p.raw_severity) || '”不在允许值内（无/一般/较重/严重）')
    END AS problem
FROM parsed AS p
CROSS JOIN core_date_bounds AS b
LEFT JOIN dim_center AS ce ON ce.center_code = p.center_code
LEFT JOIN dim_window AS w ON w.window_code = p.window_code;

-- step: duplicates
-- A visit_id seen earlier in the file rejects every later row carrying it. Only a problem with the visit_id
-- itself, checked above, stands before it.
UPDATE typed SET problem = duplicate_problem('visit_id', '检查编号', d.first_row)
FROM (SELECT visit_id, min(row_no) AS first_row FROM typed GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.visit_id = d.visit_id AND typed.row_no > d.first_row AND coalesce(split_part(typed.problem, '|', 1), '') <> 'visit_id';

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
