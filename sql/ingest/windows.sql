CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        fold_code(r.window_code) AS window_code,
        fold_code(r.center_code) AS center_code,
        trim(r.window_name) AS window_name,
        nullif(trim(r.category), '') AS category,
        parse_date(r.opened_on) AS opened_on,
        parse_date(r.closed_on) AS closed_on,
        r.opened_on AS raw_opened_on, r.closed_on AS raw_closed_on
    FROM raw_rows AS r
)
SELECT
    p.* EXCLUDE (raw_opened_on, raw_closed_on),
    CASE
        WHEN is_blank(p.window_code) THEN problem('window_code', '窗口编码为空')
        WHEN is_blank(p.center_code) THEN problem('center_code', '中心编码为空')
        WHEN ce.center_code IS NULL THEN problem('center_code', '中心编码“' || p.center_code || '”不存在（请先报送中心表：centers/中心）')
        WHEN is_blank(p.window_name) THEN problem('window_name', '窗口名称为空')
        WHEN NOT is_blank(p.raw_opened_on) AND p.opened_on IS NULL THEN problem('opened_on', '启用日期“' || trim(p.raw_opened_on) || '”无法识别为日期')
        WHEN NOT is_blank(p.raw_closed_on) AND p.closed_on IS NULL THEN problem('closed_on', '撤销日期“' || trim(p.raw_closed_on) || '”无法识别为日期')
    END AS problem
FROM parsed AS p
LEFT JOIN dim_center AS ce ON ce.center_code = p.center_code;

-- step: duplicates
-- A window_code seen earlier in the file rejects every later row carrying it. Only a problem with the window_code
-- itself, checked above, stands before it.
UPDATE typed SET problem = duplicate_problem('window_code', '窗口编码', d.first_row)
FROM (SELECT window_code, min(row_no) AS first_row FROM typed GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.window_code = d.window_code AND typed.row_no > d.first_row AND coalesce(split_part(typed.problem, '|', 1), '') <> 'window_code';

-- step: upsert
INSERT INTO dim_window (window_code, center_code, window_name, category, opened_on, closed_on, file_id)
SELECT t.window_code, t.center_code, t.window_name, t.category, t.opened_on, t.closed_on, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (window_code) DO UPDATE SET
    center_code = excluded.center_code, window_name = excluded.window_name, category = excluded.category,
    opened_on = excluded.opened_on, closed_on = excluded.closed_on, file_id = excluded.file_id;
