CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        parse_date(r.date) AS date,
        coalesce(x_day_type.canonical, e_day_type.canonical) AS day_type,
        nullif(trim(r.name), '') AS name,
        r.date AS raw_date, r.day_type AS raw_day_type
    FROM raw_rows AS r
    LEFT JOIN seed_enum_values AS x_day_type ON x_day_type.domain = 'day_type' AND x_day_type.value = r.day_type
    LEFT JOIN seed_enum_values AS e_day_type ON e_day_type.domain = 'day_type' AND lower(e_day_type.value) = CASE WHEN x_day_type.value IS NULL THEN lower(trim(r.day_type)) END
)
SELECT
    p.* EXCLUDE (raw_date, raw_day_type),
    CASE
        WHEN is_blank(p.raw_date) THEN problem('date', '日期为空')
        WHEN p.date IS NULL THEN problem('date', '日期“' || trim(p.raw_date) || '”无法识别为日期')
        WHEN is_blank(p.raw_day_type) THEN problem('day_type', '类型为空')
        WHEN p.day_type IS NULL THEN problem('day_type', '类型“' || trim(p.raw_day_type) || '”不在允许值内（休/班）')
    END AS problem
FROM parsed AS p;

-- step: duplicates
-- A date seen earlier in the file rejects every later row carrying it. Only a problem with the date
-- itself, checked above, stands before it.
UPDATE typed SET problem = duplicate_problem('date', '日期', d.first_row)
FROM (SELECT date, min(row_no) AS first_row FROM typed GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.date = d.date AND typed.row_no > d.first_row AND coalesce(split_part(typed.problem, '|', 1), '') <> 'date';

-- step: upsert
INSERT INTO ref_calendar_override (date, day_type, name, file_id)
SELECT t.date, t.day_type, t.name, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (date) DO UPDATE SET day_type = excluded.day_type, name = excluded.name, file_id = excluded.file_id;
