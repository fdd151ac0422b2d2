-- Center hours (作息时间). weekday: 1–7 or 一…日 / 周一… / 星期一…; date_from/date_to: an optional range (one alone
-- means that single day onward / up to it); open_time/close_time: HH:MM. Key: center, weekday, range; a later file wins.
CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        fold_code(r.center_code) AS center_code,
        CASE WHEN is_blank(r.weekday) THEN NULL
             ELSE coalesce(TRY_CAST(fold_code(r.weekday) AS INTEGER),
                  nullif(strpos('一二三四五六日', right(regexp_replace(fold_code(r.weekday), '^(星期|周|礼拜)', ''), 1)), 0),
                  CASE WHEN right(fold_code(r.weekday), 1) = '天' THEN 7 END) END AS weekday,
        parse_date(r.date_from) AS date_from,
        parse_date(r.date_to) AS date_to,
        TRY_CAST(fold_code(replace(r.open_time, '：', ':')) AS TIME) AS open_time,
        TRY_CAST(fold_code(replace(r.close_time, '：', ':')) AS TIME) AS close_time,
        r.weekday AS raw_weekday, r.date_from AS raw_date_from, r.date_to AS raw_date_to,
        r.open_time AS raw_open_time, r.close_time AS raw_close_time
    FROM raw_rows AS r
)
SELECT
    p.* EXCLUDE (raw_weekday, raw_date_from, raw_date_to, raw_open_time, raw_close_time),
    coalesce(CAST(p.weekday AS VARCHAR), '*') || '|' || coalesce(CAST(p.date_from AS VARCHAR), '*') || '|'
        || coalesce(CAST(p.date_to AS VARCHAR), '*') AS rule_key,
    CASE
        WHEN is_blank(p.center_code) THEN missing_problem('center_code', '中心编码')
        WHEN ce.center_code IS NULL THEN missing_reference_problem('center_code', '中心编码', p.center_code, 'centers', '中心')
        WHEN NOT is_blank(p.raw_weekday) AND (p.weekday IS NULL OR p.weekday NOT BETWEEN 1 AND 7)
            THEN problem('weekday', 'bad_date', '星期“' || trim(p.raw_weekday) || '”不对，应为 1–7 或 星期一…星期日')
        WHEN NOT is_blank(p.raw_date_from) AND p.date_from IS NULL THEN bad_date_problem('date_from', '开始日期', p.raw_date_from)
        WHEN NOT is_blank(p.raw_date_to) AND p.date_to IS NULL THEN bad_date_problem('date_to', '结束日期', p.raw_date_to)
        WHEN p.date_from > p.date_to THEN problem('date_to', 'inconsistent', '结束日期早于开始日期')
        WHEN is_blank(p.raw_open_time) THEN missing_problem('open_time', '上班时间')
        WHEN p.open_time IS NULL THEN problem('open_time', 'bad_date', '上班时间“' || trim(p.raw_open_time) || '”无法识别（应写成 08:30）')
        WHEN is_blank(p.raw_close_time) THEN missing_problem('close_time', '下班时间')
        WHEN p.close_time IS NULL THEN problem('close_time', 'bad_date', '下班时间“' || trim(p.raw_close_time) || '”无法识别（应写成 17:30）')
        WHEN p.close_time <= p.open_time THEN problem('close_time', 'inconsistent', '下班时间不晚于上班时间')
    END AS problem
FROM parsed AS p
LEFT JOIN dim_center AS ce ON ce.center_code = p.center_code;

-- step: duplicates
UPDATE typed SET problem = duplicate_problem('center_code', '同一中心、星期和日期范围', d.first_row)
FROM (SELECT center_code, rule_key, min(row_no) AS first_row FROM typed WHERE problem IS NULL GROUP BY 1, 2 HAVING count(*) > 1) AS d
WHERE typed.center_code = d.center_code AND typed.rule_key = d.rule_key AND typed.row_no > d.first_row AND typed.problem IS NULL;

-- step: upsert
INSERT INTO ref_center_hours (center_code, rule_key, weekday, date_from, date_to, open_time, close_time, file_id)
SELECT t.center_code, t.rule_key, t.weekday, t.date_from, t.date_to, t.open_time, t.close_time, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (center_code, rule_key) DO UPDATE SET
    open_time = excluded.open_time, close_time = excluded.close_time, file_id = excluded.file_id;
