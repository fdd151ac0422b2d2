CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        fold_code(r.callback_id) AS callback_id,
        fold_code(r.case_id) AS case_id,
        coalesce(x_method.canonical, e_method.canonical) AS method,
        parse_ts(r.called_at) AS called_at,
        coalesce(x_reached.canonical, e_reached.canonical) = '是' AS reached,
        coalesce(x_rating.canonical, e_rating.canonical) AS rating,
        r.comment AS comment,
        parse_ts(r.rectified_at) AS rectified_at,
        nullif(norm_phone(r.phone), '') AS phone,
        r.method AS raw_method, r.called_at AS raw_called_at, r.reached AS raw_reached, r.rating AS raw_rating,
        r.rectified_at AS raw_rectified_at
    FROM raw_rows AS r
    LEFT JOIN seed_enum_values AS x_method ON x_method.domain = 'callback_method' AND x_method.value = r.method
    LEFT JOIN seed_enum_values AS e_method ON e_method.domain = 'callback_method' AND lower(e_method.value) = CASE WHEN x_method.value IS NULL THEN lower(trim(r.method)) END
    LEFT JOIN seed_enum_values AS x_reached ON x_reached.domain = 'yes_no' AND x_reached.value = r.reached
    LEFT JOIN seed_enum_values AS e_reached ON e_reached.domain = 'yes_no' AND lower(e_reached.value) = CASE WHEN x_reached.value IS NULL THEN lower(trim(r.reached)) END
    LEFT JOIN seed_enum_values AS x_rating ON x_rating.domain = 'rating' AND x_rating.value = r.rating
    LEFT JOIN seed_enum_values AS e_rating ON e_rating.domain = 'rating' AND lower(e_rating.value) = CASE WHEN x_rating.value IS NULL THEN lower(trim(r.rating)) END
)
SELECT
    p.* EXCLUDE (raw_method, raw_called_at, raw_reached, raw_rating, raw_rectified_at),
    CASE
        WHEN is_blank(p.callback_id) THEN problem('callback_id', '回访编号为空')
        WHEN is_blank(p.case_id) THEN problem('case_id', '办件编号为空')
        WHEN is_blank(p.raw_method) THEN problem('method', '方式为空')
        WHEN p.method IS NULL THEN problem('method', '方式“' || trim(p.raw_method) || '”不在允许值内（电话回访/短信/好差评/现场评价）')
        WHEN is_blank(p.raw_called_at) THEN problem('called_at', '回访时间为空')
        WHEN p.called_at IS NULL THEN problem('called_at', '回访时间“' || trim(p.raw_called_at) || '”无法识别为日期时间')
        WHEN p.called_at < b.from_at OR p.called_at >= b.until_at THEN out_of_range_problem('called_at', '回访时间', p.raw_called_at, b.earliest, b.latest)
        WHEN is_blank(p.raw_reached) THEN problem('reached', '是否接通为空')
        WHEN p.reached IS NULL THEN problem('reached', '是否接通“' || trim(p.raw_reached) || '”只能是“是”或“否”')
        WHEN NOT is_blank(p.raw_rating) AND p.rating IS NULL THEN problem('rating', '评价“' || trim(p.raw_rating) || '”不在允许值内（非常满意/满意/基本满意/不满意/非常不满意）')
        WHEN NOT is_blank(p.raw_rectified_at) AND p.rectified_at IS NULL THEN problem('rectified_at', '整改完成时间“' || trim(p.raw_rectified_at) || '”无法识别为日期时间')
        WHEN p.rectified_at < b.from_at OR p.rectified_at >= b.until_at THEN out_of_range_problem('rectified_at', '整改完成时间', p.raw_rectified_at, b.earliest, b.latest)
    END AS problem
FROM parsed AS p
CROSS JOIN core_date_bounds AS b;

-- step: duplicates
-- A callback_id seen earlier in the file rejects every later row carrying it. Only a problem with the callback_id
-- itself, checked above, stands before it.
UPDATE typed SET problem = duplicate_problem('callback_id', '回访编号', d.first_row)
FROM (SELECT callback_id, min(row_no) AS first_row FROM typed GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.callback_id = d.callback_id AND typed.row_no > d.first_row AND coalesce(split_part(typed.problem, '|', 1), '') <> 'callback_id';

-- step: upsert
-- No updated_at in this feed: the later export wins (load_ctx.exported_at against the stored version's), except that
-- a rectified 差评 does not lose its rectification.
UPDATE fct_callback AS f SET
    case_id = t.case_id,
    method = t.method,
    called_at = t.called_at,
    reached = t.reached,
    rating = t.rating,
    comment = t.comment,
    rectified_at = t.rectified_at,
    phone_hash = pii_hash(t.phone),
    phone_masked = mask_keep(t.phone, 3, 4),
    file_id = c.file_id,
    exported_at = c.exported_at
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL AND f.callback_id = t.callback_id
  AND (f.exported_at IS NULL OR c.exported_at >= f.exported_at)
  AND callback_progress(t.rectified_at) >= callback_progress(f.rectified_at);

INSERT INTO fct_callback (callback_id, case_id, method, called_at, reached, rating, comment, rectified_at, phone_hash, phone_masked, file_id, exported_at)
SELECT t.callback_id, t.case_id, t.method, t.called_at, t.reached, t.rating, t.comment, t.rectified_at, pii_hash(t.phone), mask_keep(t.phone, 3, 4), c.file_id, c.exported_at
FROM typed AS t
ANTI JOIN fct_callback AS f ON f.callback_id = t.callback_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL;
