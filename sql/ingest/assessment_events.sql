-- Assessment events (考核记录). kind must be one of seed_assessment_event_kinds (the county's list);
-- quantity defaults to 1. No updated_at in this feed: the later file wins.
CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        fold_code(r.event_id) AS event_id,
        parse_date(r.occurred_on) AS occurred_on,
        fold_code(r.center_code) AS center_code,
        nullif(fold_code(r.window_code), '') AS window_code,
        nullif(fold_code(r.staff_id), '') AS staff_id,
        k.kind AS kind,
        CASE WHEN is_blank(r.quantity) THEN 1 ELSE parse_int(r.quantity) END AS quantity,
        nullif(trim(r.recorder), '') AS recorder,
        r.note AS note,
        r.occurred_on AS raw_occurred_on, r.kind AS raw_kind, r.quantity AS raw_quantity
    FROM raw_rows AS r
    LEFT JOIN seed_assessment_event_kinds AS k ON k.kind = trim(r.kind)
)
SELECT
    p.* EXCLUDE (raw_occurred_on, raw_kind, raw_quantity),
    CASE
        WHEN is_blank(p.event_id) THEN problem('event_id', '记录编号为空')
        WHEN is_blank(p.raw_occurred_on) THEN problem('occurred_on', '发生日期为空')
        WHEN p.occurred_on IS NULL THEN problem('occurred_on', '发生日期“' || trim(p.raw_occurred_on) || '”无法识别为日期')
        WHEN p.occurred_on < b.earliest OR p.occurred_on > b.latest THEN out_of_range_problem('occurred_on', '发生日期', p.raw_occurred_on, b.earliest, b.latest)
        WHEN is_blank(p.center_code) THEN problem('center_code', '中心编码为空')
        WHEN ce.center_code IS NULL THEN problem('center_code', '中心编码“' || p.center_code || '”不存在（请先报送中心表：centers/中心）')
        WHEN p.window_code IS NOT NULL AND w.window_code IS NULL THEN problem('window_code', '窗口编码“' || p.window_code || '”不存在（请先报送窗口表：windows/窗口）')
        WHEN p.staff_id IS NOT NULL AND s.staff_id IS NULL THEN problem('staff_id', '工号“' || p.staff_id || '”不存在（请先报送人员表：staff/人员）')
        WHEN is_blank(p.raw_kind) THEN problem('kind', '类别为空')
        WHEN p.kind IS NULL THEN problem('kind', '类别“' || trim(p.raw_kind) || '”不在本县考核记录类别清单内（'
            || (SELECT string_agg(kind, '/' ORDER BY rowid) FROM seed_assessment_event_kinds) || '）')
        WHEN p.quantity IS NULL OR p.quantity < 1 THEN problem('quantity', '次数“' || trim(p.raw_quantity) || '”不是正整数')
    END AS problem
FROM parsed AS p
CROSS JOIN core_date_bounds AS b
LEFT JOIN dim_center AS ce ON ce.center_code = p.center_code
LEFT JOIN dim_window AS w ON w.window_code = p.window_code
LEFT JOIN dim_staff AS s ON s.staff_id = p.staff_id;

-- step: duplicates
UPDATE typed SET problem = duplicate_problem('event_id', '记录编号', d.first_row)
FROM (SELECT event_id, min(row_no) AS first_row FROM typed GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.event_id = d.event_id AND typed.row_no > d.first_row AND coalesce(split_part(typed.problem, '|', 1), '') <> 'event_id';

-- step: upsert
UPDATE fct_assessment_event AS f SET
    occurred_on = t.occurred_on,
    center_code = t.center_code,
    window_code = t.window_code,
    staff_id = t.staff_id,
    kind = t.kind,
    quantity = t.quantity,
    recorder = t.recorder,
    note = t.note,
    file_id = c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL AND f.event_id = t.event_id;

INSERT INTO fct_assessment_event (event_id, occurred_on, center_code, window_code, staff_id, kind, quantity, recorder, note, file_id)
SELECT t.event_id, t.occurred_on, t.center_code, t.window_code, t.staff_id, t.kind, t.quantity, t.recorder, t.note, c.file_id
FROM typed AS t
ANTI JOIN fct_assessment_event AS f ON f.event_id = t.event_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL;
