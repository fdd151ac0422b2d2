CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        fold_code(r.complaint_id) AS complaint_id,
        parse_ts(r.received_at) AS received_at,
        coalesce(x_source.canonical, e_source.canonical) AS source,
        fold_code(r.center_code) AS center_code,
        nullif(fold_code(r.window_code), '') AS window_code,
        nullif(fold_code(r.staff_id), '') AS staff_id,
        nullif(fold_code(r.case_id), '') AS case_id,
        coalesce(x_category.canonical, e_category.canonical) AS category,
        r.content AS content,
        CASE WHEN is_blank(r.verdict) THEN '核查中' ELSE coalesce(x_verdict.canonical, e_verdict.canonical) END AS verdict,
        parse_ts(r.responded_at) AS responded_at,
        parse_ts(r.closed_at) AS closed_at,
        nullif(norm_phone(r.complainant_phone), '') AS complainant_phone,
        parse_ts(r.updated_at) AS updated_at,
        r.received_at AS raw_received_at, r.source AS raw_source, r.category AS raw_category, r.verdict AS raw_verdict,
        r.responded_at AS raw_responded_at, r.closed_at AS raw_closed_at, r.updated_at AS raw_updated_at
    FROM raw_rows AS r
    LEFT JOIN seed_enum_values AS x_source ON x_source.domain = 'complaint_source' AND x_source.value = r.source
    LEFT JOIN seed_enum_values AS e_source ON e_source.domain = 'complaint_source' AND lower(e_source.value) = CASE WHEN x_source.value IS NULL THEN lower(trim(r.source)) END
    LEFT JOIN seed_enum_values AS x_category ON x_category.domain = 'complaint_category' AND x_category.value = r.category
    LEFT JOIN seed_enum_values AS e_category ON e_category.domain = 'complaint_category' AND lower(e_category.value) = CASE WHEN x_category.value IS NULL THEN lower(trim(r.category)) END
    LEFT JOIN seed_enum_values AS x_verdict ON x_verdict.domain = 'verdict' AND x_verdict.value = r.verdict
    LEFT JOIN seed_enum_values AS e_verdict ON e_verdict.domain = 'verdict' AND lower(e_verdict.value) = CASE WHEN x_verdict.value IS NULL THEN lower(trim(r.verdict)) END
)
SELECT
    p.* EXCLUDE (raw_received_at, raw_source, raw_category, raw_verdict, raw_responded_at, raw_closed_at, raw_updated_at),
    CASE
        WHEN is_blank(p.complaint_id) THEN problem('complaint_id', '投诉编号为空')
        WHEN is_blank(p.raw_received_at) THEN problem('received_at', '受理时间为空')
        WHEN p.received_at IS NULL THEN problem('received_at', '受理时间“' || trim(p.raw_received_at) || '”无法识别为日期时间')
        WHEN p.received_at < b.from_at OR p.received_at >= b.until_at THEN out_of_range_problem('received_at', '受理时间', p.raw_received_at, b.earliest, b.latest)
        WHEN is_blank(p.raw_source) THEN problem('source', '来源为空')
        WHEN p.source IS NULL THEN problem('source', '来源“' || trim(p.raw_source) || '”不在允许值内（12345热线/意见箱/现场/网上/信访/上级转办）')
        WHEN is_blank(p.center_code) THEN problem('center_code', '中心编码为空')
        WHEN ce.center_code IS NULL THEN problem('center_code', '中心编码“' || p.center_code || '”不存在（请先报送中心表：centers/中心）')
        WHEN p.window_code IS NOT NULL AND w.window_code IS NULL THEN problem('window_code', '窗口编码“' || p.window_code || '”不存在（请先报送窗口表：windows/窗口）')
        WHEN is_blank(p.raw_category) THEN problem('category', '类别为空')
        WHEN p.category IS NULL THEN problem('category', '类别“' || trim(p.raw_category) || '”不在允许值内（服务态度/办理超时/推诿扯皮/吃拿卡要/多次跑/窗口无人/其他）')
        WHEN p.verdict IS NULL THEN problem('verdict', '核查结果“' || trim(p.raw_verdict) || '”不在允许值内（属实/部分属实/不属实/核查中）')
        WHEN NOT is_blank(p.raw_responded_at) AND p.responded_at IS NULL THEN problem('responded_at', '答复时间“' || trim(p.raw_responded_at) || '”无法识别为日期时间')
        WHEN p.responded_at < b.from_at OR p.responded_at >= b.until_at THEN out_of_range_problem('responded_at', '答复时间', p.raw_responded_at, b.earliest, b.latest)
        WHEN NOT is_blank(p.raw_closed_at) AND p.closed_at IS NULL THEN problem('closed_at', '办结时间“' || trim(p.raw_closed_at) || '”无法识别为日期时间')
        WHEN p.closed_at < b.from_at OR p.closed_at >= b.until_at THEN out_of_range_problem('closed_at', '办结时间', p.raw_closed_at, b.earliest, b.latest)
        WHEN NOT is_blank(p.raw_updated_at) AND p.updated_at IS NULL THEN problem('updated_at', '更新时间“' || trim(p.raw_updated_at) || '”无法识别为日期时间')
        WHEN p.updated_at < b.from_at OR p.updated_at >= b.until_at THEN out_of_range_problem('updated_at', '更新时间', p.raw_updated_at, b.earliest, b.latest)
        WHEN p.responded_at < p.received_at THEN problem('responded_at', '答复时间早于受理时间')
        WHEN p.closed_at < p.received_at THEN problem('closed_at', '办结时间早于受理时间')
    END AS problem
FROM parsed AS p
CROSS JOIN core_date_bounds AS b
LEFT JOIN dim_center AS ce ON ce.center_code = p.center_code
LEFT JOIN dim_window AS w ON w.window_code = p.window_code;

-- step: duplicates
-- A complaint_id seen earlier in the file rejects every later row carrying it. Only a problem with the complaint_id
-- itself, checked above, stands before it.
UPDATE typed SET problem = duplicate_problem('complaint_id', '投诉编号', d.first_row)
FROM (SELECT complaint_id, min(row_no) AS first_row FROM typed GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.complaint_id = d.complaint_id AND typed.row_no > d.first_row AND coalesce(split_part(typed.problem, '|', 1), '') <> 'complaint_id';

-- step: upsert
-- As for cases (cases.sql): a newer updated_at replaces, an equal one with other content is a conflict; otherwise
-- the later export wins, but a complaint never moves backwards (a closed one does not reopen, a checked or answered
-- one does not return to 核查中).
CREATE OR REPLACE TEMP TABLE upsert_match AS
SELECT t.complaint_id,
    CASE
        WHEN t.updated_at IS NOT NULL AND f.updated_at IS NOT NULL THEN CASE
            WHEN t.updated_at > f.updated_at THEN 'replace'
            WHEN t.updated_at = f.updated_at
                 AND (t.received_at, t.source, t.center_code, t.window_code, t.staff_id, t.case_id, t.category,
                      t.content, t.verdict, t.responded_at, t.closed_at, pii_hash(t.complainant_phone))
                     IS DISTINCT FROM
                     (f.received_at, f.source, f.center_code, f.window_code, f.staff_id, f.case_id, f.category,
                      f.content, f.verdict, f.responded_at, f.closed_at, f.complainant_phone_hash)
            THEN 'conflict'
            ELSE 'keep' END
        WHEN c.exported_at < f.exported_at THEN 'keep'
        WHEN complaint_progress(t.verdict, t.responded_at, t.closed_at) < complaint_progress(f.verdict, f.responded_at, f.closed_at)
        THEN 'not_backwards'
        ELSE 'replace'
    END AS action
FROM typed AS t
JOIN fct_complaint AS f ON f.complaint_id = t.complaint_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL;

INSERT INTO load_note
SELECT c.file_id, (SELECT max(run_id) FROM load_run), m.action,
    c.file_name || '：' || count(*) || CASE m.action
        WHEN 'conflict' THEN ' 条投诉的更新时间与已导入的版本相同，内容却不同，已保留已导入的版本，请核实后以更新的更新时间重新报送：'
        ELSE ' 条投诉已导入的版本已办结（或已核查、已答复），本文件中却退回了更早的状态且没有更新的更新时间，按“记录不倒退”的规则未更新：' END
    || array_to_string(list_slice(list(m.complaint_id ORDER BY m.complaint_id), 1, 10), '、') || CASE WHEN count(*) > 10 THEN ' 等' ELSE '' END || '。',
    now()::TIMESTAMP
FROM upsert_match AS m CROSS JOIN load_ctx AS c
WHERE m.action IN ('conflict', 'not_backwards')
GROUP BY c.file_id, c.file_name, m.action;

UPDATE fct_complaint AS f SET
    received_at = t.received_at,
    source = t.source,
    center_code = t.center_code,
    window_code = t.window_code,
    staff_id = t.staff_id,
    case_id = t.case_id,
    category = t.category,
    content = t.content,
    verdict = t.verdict,
    responded_at = t.responded_at,
    closed_at = t.closed_at,
    complainant_phone_hash = pii_hash(t.complainant_phone),
    complainant_phone_masked = mask_keep(t.complainant_phone, 3, 4),
    updated_at = t.updated_at,
    file_id = c.file_id,
    exported_at = c.exported_at
FROM typed AS t, load_ctx AS c, upsert_match AS m
WHERE t.problem IS NULL AND f.complaint_id = t.complaint_id AND m.complaint_id = t.complaint_id AND m.action = 'replace';

INSERT INTO fct_complaint (complaint_id, received_at, source, center_code, window_code, staff_id, case_id, category, content, verdict, responded_at, closed_at, complainant_phone_hash, complainant_phone_masked, updated_at, file_id, exported_at)
SELECT t.complaint_id, t.received_at, t.source, t.center_code, t.window_code, t.staff_id, t.case_id, t.category, t.content, t.verdict, t.responded_at, t.closed_at, pii_hash(t.complainant_phone), mask_keep(t.complainant_phone, 3, 4), t.updated_at, c.file_id, c.exported_at
FROM typed AS t
ANTI JOIN fct_complaint AS f ON f.complaint_id = t.complaint_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL;

DROP TABLE upsert_match;
