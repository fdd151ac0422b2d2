CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        fold_code(r.item_code) AS item_code,
        trim(r.item_name) AS item_name,
        coalesce(x_item_kind.canonical, e_item_kind.canonical) AS item_kind,
        parse_int(r.legal_days) AS legal_days,
        parse_int(r.promised_days) AS promised_days,
        r.item_kind AS raw_item_kind, r.legal_days AS raw_legal_days, r.promised_days AS raw_promised_days
    FROM raw_rows AS r
    LEFT JOIN seed_enum_values AS x_item_kind ON x_item_kind.domain = 'item_kind' AND x_item_kind.value = r.item_kind
    LEFT JOIN seed_enum_values AS e_item_kind ON e_item_kind.domain = 'item_kind' AND lower(e_item_kind.value) = CASE WHEN x_item_kind.value IS NULL THEN lower(trim(r.item_kind)) END
)
SELECT
    p.* EXCLUDE (raw_item_kind, raw_legal_days, raw_promised_days),
    CASE
        WHEN is_blank(p.item_code) THEN problem('item_code', '事项编码为空')
        WHEN is_blank(p.item_name) THEN problem('item_name', '事项名称为空')
        WHEN NOT is_blank(p.raw_item_kind) AND p.item_kind IS NULL THEN problem('item_kind', '事项类型“' || trim(p.raw_item_kind) || '”不在允许值内（行政许可/行政确认/行政给付/公共服务/便民服务/其他）')
        WHEN NOT is_blank(p.raw_legal_days) AND (p.legal_days IS NULL OR p.legal_days < 0) THEN problem('legal_days', '法定时限“' || trim(p.raw_legal_days) || '”不是非负整数')
        WHEN is_blank(p.raw_promised_days) THEN problem('promised_days', '承诺时限为空')
        WHEN p.promised_days IS NULL OR p.promised_days < 0 THEN problem('promised_days', '承诺时限“' || trim(p.raw_promised_days) || '”不是非负整数')
    END AS problem
FROM parsed AS p;

-- step: duplicates
-- A item_code seen earlier in the file rejects every later row carrying it. Only a problem with the item_code
-- itself, checked above, stands before it.
UPDATE typed SET problem = duplicate_problem('item_code', '事项编码', d.first_row)
FROM (SELECT item_code, min(row_no) AS first_row FROM typed GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.item_code = d.item_code AND typed.row_no > d.first_row AND coalesce(split_part(typed.problem, '|', 1), '') <> 'item_code';

-- step: upsert
INSERT INTO dim_item (item_code, item_name, item_kind, legal_days, promised_days, file_id)
SELECT t.item_code, t.item_name, t.item_kind, t.legal_days, t.promised_days, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (item_code) DO UPDATE SET
    item_name = excluded.item_name, item_kind = excluded.item_kind, legal_days = excluded.legal_days,
    promised_days = excluded.promised_days, file_id = excluded.file_id;
