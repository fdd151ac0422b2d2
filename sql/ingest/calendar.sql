CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        parse_date(r.date) AS date,
        enum_of('day_type', r.day_type) AS day_type,
        nullif(trim(r.name), '') AS name,
        r.date AS raw_date, r.day_type AS raw_day_type,
        row_number() OVER (PARTITION BY parse_date(r.date) ORDER BY r.row_no) AS occurrence,
        min(r.row_no) OVER (PARTITION BY parse_date(r.date)) AS first_row
    FROM raw_rows AS r
)
SELECT
    p.*,
    CASE
        WHEN is_blank(p.raw_date) THEN problem('date', '日期为空')
        WHEN p.date IS NULL THEN problem('date', '日期“' || trim(p.raw_date) || '”无法识别为日期')
        WHEN p.occurrence > 1 THEN problem('date', '日期在本文件中重复（首次出现在第 ' || p.first_row || ' 行）')
        WHEN is_blank(p.raw_day_type) THEN problem('day_type', '类型为空')
        WHEN p.day_type IS NULL THEN problem('day_type', '类型“' || trim(p.raw_day_type) || '”不在允许值内（休/班）')
    END AS problem
FROM parsed AS p;

-- step: upsert
INSERT INTO ref_calendar_override (date, day_type, name, file_id)
SELECT t.date, t.day_type, t.name, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (date) DO UPDATE SET day_type = excluded.day_type, name = excluded.name, file_id = excluded.file_id;
