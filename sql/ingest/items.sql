CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        trim(r.item_code) AS item_code,
        trim(r.item_name) AS item_name,
        enum_of('item_kind', r.item_kind) AS item_kind,
        parse_int(r.legal_days) AS legal_days,
        parse_int(r.promised_days) AS promised_days,
        r.item_kind AS raw_item_kind, r.legal_days AS raw_legal_days, r.promised_days AS raw_promised_days,
        row_number() OVER (PARTITION BY trim(r.item_code) ORDER BY r.row_no) AS occurrence,
        min(r.row_no) OVER (PARTITION BY trim(r.item_code)) AS first_row
    FROM raw_rows AS r
)
SELECT
    p.*,
    CASE
        WHEN is_blank(p.item_code) THEN problem('item_code', '事项编码为空')
        WHEN p.occurrence > 1 THEN problem('item_code', '事项编码在本文件中重复（首次出现在第 ' || p.first_row || ' 行）')
        WHEN is_blank(p.item_name) THEN problem('item_name', '事项名称为空')
        WHEN NOT is_blank(p.raw_item_kind) AND p.item_kind IS NULL THEN problem('item_kind', '事项类型“' || trim(p.raw_item_kind) || '”不在允许值内（行政许可/行政确认/行政给付/公共服务/便民服务/其他）')
        WHEN NOT is_blank(p.raw_legal_days) AND (p.legal_days IS NULL OR p.legal_days < 0) THEN problem('legal_days', '法定时限“' || trim(p.raw_legal_days) || '”不是非负整数')
        WHEN is_blank(p.raw_promised_days) THEN problem('promised_days', '承诺时限为空')
        WHEN p.promised_days IS NULL OR p.promised_days < 0 THEN problem('promised_days', '承诺时限“' || trim(p.raw_promised_days) || '”不是非负整数')
    END AS problem
FROM parsed AS p;

-- step: upsert
INSERT INTO dim_item (item_code, item_name, item_kind, legal_days, promised_days, file_id)
SELECT t.item_code, t.item_name, t.item_kind, t.legal_days, t.promised_days, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (item_code) DO UPDATE SET
    item_name = excluded.item_name, item_kind = excluded.item_kind, legal_days = excluded.legal_days,
    promised_days = excluded.promised_days, file_id = excluded.file_id;
