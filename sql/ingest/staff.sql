CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        fold_code(r.staff_id) AS staff_id,
        trim(r.staff_name) AS staff_name,
        fold_code(r.center_code) AS center_code,
        nullif(fold_code(r.window_code), '') AS window_code,
        coalesce(x_post.canonical, e_post.canonical) AS post,
        coalesce(x_employment.canonical, e_employment.canonical) AS employment,
        parse_date(r.active_from) AS active_from,
        parse_date(r.active_to) AS active_to,
        r.post AS raw_post, r.employment AS raw_employment, r.active_from AS raw_active_from, r.active_to AS raw_active_to
    FROM raw_rows AS r
    LEFT JOIN seed_enum_values AS x_post ON x_post.domain = 'post' AND x_post.value = r.post
    LEFT JOIN seed_enum_values AS e_post ON e_post.domain = 'post' AND lower(e_post.value) = CASE WHEN x_post.value IS NULL THEN lower(trim(r.post)) END
    LEFT JOIN seed_enum_values AS x_employment ON x_employment.domain = 'employment' AND x_employment.value = r.employment
    LEFT JOIN seed_enum_values AS e_employment ON e_employment.domain = 'employment' AND lower(e_employment.value) = CASE WHEN x_employment.value IS NULL THEN lower(trim(r.employment)) END
)
SELECT
    p.* EXCLUDE (raw_post, raw_employment, raw_active_from, raw_active_to),
    CASE
        WHEN is_blank(p.staff_id) THEN problem('staff_id', '工号为空')
        WHEN is_blank(p.staff_name) THEN problem('staff_name', '姓名为空')
        WHEN is_blank(p.center_code) THEN problem('center_code', '中心编码为空')
        WHEN ce.center_code IS NULL THEN problem('center_code', '中心编码“' || p.center_code || '”不存在（请先报送中心表：centers/中心）')
        WHEN p.window_code IS NOT NULL AND w.window_code IS NULL THEN problem('window_code', '窗口编码“' || p.window_code || '”不存在（请先报送窗口表：windows/窗口）')
        WHEN NOT is_blank(p.raw_post) AND p.post IS NULL THEN problem('post', '岗位“' || trim(p.raw_post) || '”不在允许值内（A岗/B岗）')
        WHEN NOT is_blank(p.raw_employment) AND p.employment IS NULL THEN problem('employment', '用工性质“' || trim(p.raw_employment) || '”不在允许值内（在编/聘用/临聘/返聘/工勤）')
        WHEN NOT is_blank(p.raw_active_from) AND p.active_from IS NULL THEN problem('active_from', '到岗日期“' || trim(p.raw_active_from) || '”无法识别为日期')
        WHEN NOT is_blank(p.raw_active_to) AND p.active_to IS NULL THEN problem('active_to', '离岗日期“' || trim(p.raw_active_to) || '”无法识别为日期')
    END AS problem
FROM parsed AS p
LEFT JOIN dim_center AS ce ON ce.center_code = p.center_code
LEFT JOIN dim_window AS w ON w.window_code = p.window_code;

-- step: duplicates
-- A staff_id seen earlier in the file rejects every later row carrying it. Only a problem with the staff_id
-- itself, checked above, stands before it.
UPDATE typed SET problem = duplicate_problem('staff_id', '工号', d.first_row)
FROM (SELECT staff_id, min(row_no) AS first_row FROM typed GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.staff_id = d.staff_id AND typed.row_no > d.first_row AND coalesce(split_part(typed.problem, '|', 1), '') <> 'staff_id';

-- step: upsert
INSERT INTO dim_staff (staff_id, staff_name, center_code, window_code, post, employment, active_from, active_to, file_id)
SELECT t.staff_id, t.staff_name, t.center_code, t.window_code, t.post, t.employment, t.active_from, t.active_to, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (staff_id) DO UPDATE SET
    staff_name = excluded.staff_name, center_code = excluded.center_code, window_code = excluded.window_code,
    post = excluded.post, employment = excluded.employment, active_from = excluded.active_from,
    active_to = excluded.active_to, file_id = excluded.file_id;
