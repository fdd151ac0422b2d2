CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        fold_code(r.check_id) AS check_id,
        parse_ts(r.checked_at) AS checked_at,
        fold_code(r.center_code) AS center_code,
        nullif(fold_code(r.window_code), '') AS window_code,
        nullif(trim(r.checker), '') AS checker,
        coalesce(x_finding.canonical, e_finding.canonical) AS finding,
        parse_int(r.staff_on_duty) AS staff_on_duty,
        parse_int(r.people_waiting) AS people_waiting,
        r.note AS note,
        r.checked_at AS raw_checked_at, r.finding AS raw_finding, r.staff_on_duty AS raw_staff_on_duty,
        r.people_waiting AS raw_people_waiting
    FROM raw_rows AS r
    LEFT JOIN seed_enum_values AS x_finding ON x_finding.domain = 'finding' AND x_finding.value = r.finding
    LEFT JOIN seed_enum_values AS e_finding ON e_finding.domain = 'finding' AND lower(e_finding.value) = CASE WHEN x_finding.value IS NULL THEN lower(trim(r.finding)) END
)
SELECT
    p.* EXCLUDE (raw_checked_at, raw_finding, raw_staff_on_duty, raw_people_waiting),
    CASE
        WHEN is_blank(p.check_id) THEN problem('check_id', '抽查编号为空')
        WHEN is_blank(p.raw_checked_at) THEN problem('checked_at', '抽查时间为空')
        WHEN p.checked_at IS NULL THEN problem('checked_at', '抽查时间“' || trim(p.raw_checked_at) || '”无法识别为日期时间')
        WHEN p.checked_at < b.from_at OR p.checked_at >= b.until_at THEN out_of_range_problem('checked_at', '抽查时间', p.raw_checked_at, b.earliest, b.latest)
        WHEN is_blank(p.center_code) THEN problem('center_code', '中心编码为空')
        WHEN ce.center_code IS NULL THEN problem('center_code', '中心编码“' || p.center_code || '”不存在（请先报送中心表：centers/中心）')
        WHEN p.window_code IS NOT NULL AND w.window_code IS NULL THEN problem('window_code', '窗口编码“' || p.window_code || '”不存在（请先报送窗口表：windows/窗口）')
        WHEN is_blank(p.raw_finding) THEN problem('finding', '结果为空')
        WHEN p.finding IS NULL THEN problem('finding', '结果“' || trim(p.raw_finding) || '”不在允许值内（正常/离岗/空岗/玩手机/睡岗/着装不规范/大厅无人/设备离线/画面遮挡）')
        WHEN NOT is_blank(p.raw_staff_on_duty) AND (p.staff_on_duty IS NULL OR p.staff_on_duty < 0) THEN problem('staff_on_duty', '在岗人数“' || trim(p.raw_staff_on_duty) || '”不是非负整数')
        WHEN NOT is_blank(p.raw_people_waiting) AND (p.people_waiting IS NULL OR p.people_waiting < 0) THEN problem('people_waiting', '等候人数“' || trim(p.raw_people_waiting) || '”不是非负整数')
    END AS problem
FROM parsed AS p
CROSS JOIN core_date_bounds AS b
LEFT JOIN dim_center AS ce ON ce.center_code = p.center_code
LEFT JOIN dim_window AS w ON w.window_code = p.window_code;

-- step: duplicates
-- A check_id seen earlier in the file rejects every later row carrying it. Only a problem with the check_id
-- itself, checked above, stands before it.
UPDATE typed SET problem = duplicate_problem('check_id', '抽查编号', d.first_row)
FROM (SELECT check_id, min(row_no) AS first_row FROM typed GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.check_id = d.check_id AND typed.row_no > d.first_row AND coalesce(split_part(typed.problem, '|', 1), '') <> 'check_id';

-- step: upsert
-- No updated_at in this feed: the later export wins (load_ctx.exported_at against the stored version's).
UPDATE fct_video_check AS f SET
    checked_at = t.checked_at,
    center_code = t.center_code,
    window_code = t.window_code,
    checker = t.checker,
    finding = t.finding,
    staff_on_duty = t.staff_on_duty,
    people_waiting = t.people_waiting,
    note = t.note,
    file_id = c.file_id,
    exported_at = c.exported_at
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL AND f.check_id = t.check_id
  AND (f.exported_at IS NULL OR c.exported_at >= f.exported_at);

INSERT INTO fct_video_check (check_id, checked_at, center_code, window_code, checker, finding, staff_on_duty, people_waiting, note, file_id, exported_at)
SELECT t.check_id, t.checked_at, t.center_code, t.window_code, t.checker, t.finding, t.staff_on_duty, t.people_waiting, t.note, c.file_id, c.exported_at
FROM typed AS t
ANTI JOIN fct_video_check AS f ON f.check_id = t.check_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL;
