CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        trim(r.callback_id) AS callback_id,
        trim(r.case_id) AS case_id,
        enum_of('callback_method', r.method) AS method,
        parse_ts(r.called_at) AS called_at,
        enum_of('yes_no', r.reached) = '是' AS reached,
        enum_of('rating', r.rating) AS rating,
        r.comment AS comment,
        parse_ts(r.rectified_at) AS rectified_at,
        nullif(norm_phone(r.phone), '') AS phone,
        r.method AS raw_method, r.called_at AS raw_called_at, r.reached AS raw_reached, r.rating AS raw_rating,
        r.rectified_at AS raw_rectified_at,
        row_number() OVER (PARTITION BY trim(r.callback_id) ORDER BY r.row_no) AS occurrence,
        min(r.row_no) OVER (PARTITION BY trim(r.callback_id)) AS first_row
    FROM raw_rows AS r
)
SELECT
    p.*,
    CASE
        WHEN is_blank(p.callback_id) THEN problem('callback_id', '回访编号为空')
        WHEN p.occurrence > 1 THEN problem('callback_id', '回访编号在本文件中重复（首次出现在第 ' || p.first_row || ' 行）')
        WHEN is_blank(p.case_id) THEN problem('case_id', '办件编号为空')
        WHEN is_blank(p.raw_method) THEN problem('method', '方式为空')
        WHEN p.method IS NULL THEN problem('method', '方式“' || trim(p.raw_method) || '”不在允许值内（电话回访/短信/好差评/现场评价）')
        WHEN is_blank(p.raw_called_at) THEN problem('called_at', '回访时间为空')
        WHEN p.called_at IS NULL THEN problem('called_at', '回访时间“' || trim(p.raw_called_at) || '”无法识别为日期时间')
        WHEN is_blank(p.raw_reached) THEN problem('reached', '是否接通为空')
        WHEN p.reached IS NULL THEN problem('reached', '是否接通“' || trim(p.raw_reached) || '”只能是“是”或“否”')
        WHEN NOT is_blank(p.raw_rating) AND p.rating IS NULL THEN problem('rating', '评价“' || trim(p.raw_rating) || '”不在允许值内（非常满意/满意/基本满意/不满意/非常不满意）')
        WHEN NOT is_blank(p.raw_rectified_at) AND p.rectified_at IS NULL THEN problem('rectified_at', '整改完成时间“' || trim(p.raw_rectified_at) || '”无法识别为日期时间')
    END AS problem
FROM parsed AS p;

-- step: upsert
INSERT INTO fct_callback (callback_id, case_id, method, called_at, reached, rating, comment, rectified_at, phone_hash, phone_masked, file_id)
SELECT t.callback_id, t.case_id, t.method, t.called_at, t.reached, t.rating, t.comment, t.rectified_at,
       pii_hash(t.phone), mask_keep(t.phone, 3, 4), c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (callback_id) DO UPDATE SET
    case_id = excluded.case_id, method = excluded.method, called_at = excluded.called_at, reached = excluded.reached,
    rating = excluded.rating, comment = excluded.comment, rectified_at = excluded.rectified_at,
    phone_hash = excluded.phone_hash, phone_masked = excluded.phone_masked, file_id = excluded.file_id;
