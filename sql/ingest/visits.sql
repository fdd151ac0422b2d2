CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        trim(r.visit_id) AS visit_id,
        parse_ts(r.visited_at) AS visited_at,
        trim(r.center_code) AS center_code,
        nullif(trim(r.window_code), '') AS window_code,
        enum_of('visit_type', r.visit_type) AS visit_type,
        nullif(trim(r.team), '') AS team,
        parse_int(r.problems_found) AS problems_found,
        enum_of('severity', r.severity) AS severity,
        r.findings AS findings,
        r.visited_at AS raw_visited_at, r.visit_type AS raw_visit_type, r.problems_found AS raw_problems_found,
        r.severity AS raw_severity,
        row_number() OVER (PARTITION BY trim(r.visit_id) ORDER BY r.row_no) AS occurrence,
        min(r.row_no) OVER (PARTITION BY trim(r.visit_id)) AS first_row
    FROM raw_rows AS r
)
SELECT
    p.*,
    CASE
        WHEN is_blank(p.visit_id) THEN problem('visit_id', '检查编号为空')
        WHEN p.occurrence > 1 THEN problem('visit_id', '检查编号在本文件中重复（首次出现在第 ' || p.first_row || ' 行）')
        WHEN is_blank(p.raw_visited_at) THEN problem('visited_at', '检查时间为空')
        WHEN p.visited_at IS NULL THEN problem('visited_at', '检查时间“' || trim(p.raw_visited_at) || '”无法识别为日期时间')
        WHEN is_blank(p.center_code) THEN problem('center_code', '中心编码为空')
        WHEN ce.center_code IS NULL THEN problem('center_code', '中心编码“' || p.center_code || '”不存在（请先报送中心表）')
        WHEN p.window_code IS NOT NULL AND w.window_code IS NULL THEN problem('window_code', '窗口编码“' || p.window_code || '”不存在（请先报送窗口表）')
        WHEN is_blank(p.raw_visit_type) THEN problem('visit_type', '方式为空')
        WHEN p.visit_type IS NULL THEN problem('visit_type', '方式“' || trim(p.raw_visit_type) || '”不在允许值内（明查/暗访）')
        WHEN is_blank(p.raw_problems_found) THEN problem('problems_found', '发现问题数为空')
        WHEN p.problems_found IS NULL OR p.problems_found < 0 THEN problem('problems_found', '发现问题数“' || trim(p.raw_problems_found) || '”不是非负整数')
        WHEN NOT is_blank(p.raw_severity) AND p.severity IS NULL THEN problem('severity', '严重程度“' || trim(p.raw_severity) || '”不在允许值内（无/一般/较重/严重）')
    END AS problem
FROM parsed AS p
LEFT JOIN dim_center AS ce ON ce.center_code = p.center_code
LEFT JOIN dim_window AS w ON w.window_code = p.window_code;

-- step: upsert
INSERT INTO fct_visit (visit_id, visited_at, center_code, window_code, visit_type, team, problems_found, severity, findings, file_id)
SELECT t.visit_id, t.visited_at, t.center_code, t.window_code, t.visit_type, t.team, t.problems_found, t.severity, t.findings, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (visit_id) DO UPDATE SET
    visited_at = excluded.visited_at, center_code = excluded.center_code, window_code = excluded.window_code,
    visit_type = excluded.visit_type, team = excluded.team, problems_found = excluded.problems_found,
    severity = excluded.severity, findings = excluded.findings, file_id = excluded.file_id;
