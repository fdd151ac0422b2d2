CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        fold_code(r.center_code) AS center_code,
        trim(r.center_name) AS center_name,
        fold_code(r.county_code) AS county_code,
        coalesce(x_kind.canonical, e_kind.canonical) AS kind,
        parse_int(r.population) AS population,
        nullif(trim(r.head_name), '') AS head_name,
        parse_date(r.opened_on) AS opened_on,
        r.kind AS raw_kind, r.population AS raw_population, r.opened_on AS raw_opened_on
    FROM raw_rows AS r
    LEFT JOIN seed_enum_values AS x_kind ON x_kind.domain = 'center_kind' AND x_kind.value = r.kind
    LEFT JOIN seed_enum_values AS e_kind ON e_kind.domain = 'center_kind' AND lower(e_kind.value) = CASE WHEN x_kind.value IS NULL THEN lower(trim(r.kind)) END
)
SELECT
    p.* EXCLUDE (raw_kind, raw_population, raw_opened_on),
    CASE
        WHEN is_blank(p.center_code) THEN problem('center_code', '中心编码为空')
        WHEN NOT regexp_full_match(p.center_code, '\d{9}|\d{12}') THEN problem('center_code', '中心编码“' || p.center_code || '”应为9位或12位数字')
        WHEN is_blank(p.center_name) THEN problem('center_name', '中心名称为空')
        WHEN is_blank(p.county_code) THEN problem('county_code', '县区编码为空')
        WHEN NOT regexp_full_match(p.county_code, '\d{6}') THEN problem('county_code', '县区编码“' || p.county_code || '”应为6位数字')
        WHEN is_blank(p.raw_kind) THEN problem('kind', '类型为空')
        WHEN p.kind IS NULL THEN problem('kind', '类型“' || trim(p.raw_kind) || '”不在允许值内（镇/乡/街道）')
        WHEN NOT is_blank(p.raw_population) AND (p.population IS NULL OR p.population < 0) THEN problem('population', '户籍人口“' || trim(p.raw_population) || '”不是非负整数')
        WHEN NOT is_blank(p.raw_opened_on) AND p.opened_on IS NULL THEN problem('opened_on', '启用日期“' || trim(p.raw_opened_on) || '”无法识别为日期')
    END AS problem
FROM parsed AS p;

-- step: duplicates
-- A center_code seen earlier in the file rejects every later row carrying it. Only a problem with the center_code
-- itself, checked above, stands before it.
UPDATE typed SET problem = duplicate_problem('center_code', '中心编码', d.first_row)
FROM (SELECT center_code, min(row_no) AS first_row FROM typed GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.center_code = d.center_code AND typed.row_no > d.first_row AND coalesce(split_part(typed.problem, '|', 1), '') <> 'center_code';

-- step: upsert
INSERT INTO dim_center (center_code, center_name, county_code, kind, population, head_name, opened_on, file_id)
SELECT t.center_code, t.center_name, t.county_code, t.kind, t.population, t.head_name, t.opened_on, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (center_code) DO UPDATE SET
    center_name = excluded.center_name, county_code = excluded.county_code, kind = excluded.kind,
    population = excluded.population, head_name = excluded.head_name, opened_on = excluded.opened_on,
    file_id = excluded.file_id;
