CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        fold_code(r.case_id) AS case_id,
        fold_code(r.center_code) AS center_code,
        fold_code(r.window_code) AS window_code,
        nullif(fold_code(r.staff_id), '') AS staff_id,
        fold_code(r.item_code) AS item_code,
        coalesce(x_case_type.canonical, e_case_type.canonical) AS case_type,
        coalesce(x_channel.canonical, e_channel.canonical) AS channel,
        parse_ts(r.accepted_at) AS accepted_at,
        parse_ts(r.due_at) AS due_at_given,
        parse_int(r.paused_days) AS paused_days,
        parse_ts(r.completed_at) AS completed_at,
        coalesce(x_status.canonical, e_status.canonical) AS status,
        nullif(norm_id_number(r.applicant_id), '') AS applicant_id,
        nullif(norm_phone(r.applicant_phone), '') AS applicant_phone,
        parse_ts(r.recorded_at) AS recorded_at,
        parse_ts(r.updated_at) AS updated_at,
        r.case_type AS raw_case_type, r.channel AS raw_channel, r.status AS raw_status,
        r.accepted_at AS raw_accepted_at, r.due_at AS raw_due_at, r.paused_days AS raw_paused_days,
        r.completed_at AS raw_completed_at, r.recorded_at AS raw_recorded_at, r.updated_at AS raw_updated_at
    FROM raw_rows AS r
    LEFT JOIN seed_enum_values AS x_case_type ON x_case_type.domain = 'case_type' AND x_case_type.value = r.case_type
    LEFT JOIN seed_enum_values AS e_case_type ON e_case_type.domain = 'case_type' AND lower(e_case_type.value) = CASE WHEN x_case_type.value IS NULL THEN lower(trim(r.case_type)) END
    LEFT JOIN seed_enum_values AS x_channel ON x_channel.domain = 'channel' AND x_channel.value = r.channel
    LEFT JOIN seed_enum_values AS e_channel ON e_channel.domain = 'channel' AND lower(e_channel.value) = CASE WHEN x_channel.value IS NULL THEN lower(trim(r.channel)) END
    LEFT JOIN seed_enum_values AS x_status ON x_status.domain = 'case_status' AND x_status.value = r.status
    LEFT JOIN seed_enum_values AS e_status ON e_status.domain = 'case_status' AND lower(e_status.value) = CASE WHEN x_status.value IS NULL THEN lower(trim(r.status)) END
)
SELECT
    p.* EXCLUDE (raw_case_type, raw_channel, raw_status, raw_accepted_at, raw_due_at, raw_paused_days, raw_completed_at, raw_recorded_at, raw_updated_at),
    CASE
        -- Nearly every row passes every check below: this one test, on values already parsed, lets them skip the
        -- twenty checks one by one (a fifth of this step's CPU). It is exactly the checks' negation
        -- for a value read as NULL; a blank but non-NULL text falls through to them.
        WHEN p.case_id <> '' AND ce.center_code IS NOT NULL AND w.window_code IS NOT NULL AND i.item_code IS NOT NULL
             AND p.case_type IS NOT NULL AND p.accepted_at IS NOT NULL AND p.status IS NOT NULL
             AND (p.channel IS NOT NULL OR p.raw_channel IS NULL)
             AND (p.due_at_given IS NOT NULL OR p.raw_due_at IS NULL)
             AND (p.paused_days BETWEEN 0 AND b.max_paused_days OR p.raw_paused_days IS NULL)
             AND (p.completed_at IS NOT NULL OR p.raw_completed_at IS NULL)
             AND (p.recorded_at IS NOT NULL OR p.raw_recorded_at IS NULL)
             AND (p.updated_at IS NOT NULL OR p.raw_updated_at IS NULL)
             AND (p.due_at_given IS NULL OR p.due_at_given >= p.accepted_at)
             AND (p.completed_at IS NULL OR p.completed_at >= p.accepted_at)
             AND p.accepted_at >= b.from_at AND p.accepted_at < b.until_at
             AND (p.due_at_given IS NULL OR p.due_at_given < b.until_at)
             AND (p.completed_at IS NULL OR p.completed_at < b.until_at)
             AND (p.recorded_at IS NULL OR p.recorded_at >= b.from_at AND p.recorded_at < b.until_at)
             AND (p.updated_at IS NULL OR p.updated_at >= b.from_at AND p.updated_at < b.until_at)
        THEN NULL
        WHEN is_blank(p.case_id) THEN problem('case_id', '办件编号为空')
        WHEN is_blank(p.center_code) THEN problem('center_code', '中心编码为空')
        WHEN ce.center_code IS NULL THEN problem('center_code', '中心编码“' || p.center_code || '”不存在（请先报送中心表：centers/中心）')
        WHEN is_blank(p.window_code) THEN problem('window_code', '窗口编码为空')
        WHEN w.window_code IS NULL THEN problem('window_code', '窗口编码“' || p.window_code || '”不存在（请先报送窗口表：windows/窗口）')
        WHEN is_blank(p.item_code) THEN problem('item_code', '事项编码为空')
        WHEN i.item_code IS NULL THEN problem('item_code', '事项编码“' || p.item_code || '”不存在（请先报送事项表：items/事项）')
        WHEN is_blank(p.raw_case_type) THEN problem('case_type', '办件类型为空')
        WHEN p.case_type IS NULL THEN problem('case_type', '办件类型“' || trim(p.raw_case_type) || '”不在允许值内（即办件/承诺件/退回件/补办件）')
        WHEN NOT is_blank(p.raw_channel) AND p.channel IS NULL THEN problem('channel', '受理渠道“' || trim(p.raw_channel) || '”不在允许值内（窗口/网上/代办/自助/邮寄）')
        WHEN is_blank(p.raw_accepted_at) THEN problem('accepted_at', '受理时间为空')
        WHEN p.accepted_at IS NULL THEN problem('accepted_at', '受理时间“' || trim(p.raw_accepted_at) || '”无法识别为日期时间')
        WHEN p.accepted_at < b.from_at OR p.accepted_at >= b.until_at THEN out_of_range_problem('accepted_at', '受理时间', p.raw_accepted_at, b.earliest, b.latest)
        WHEN NOT is_blank(p.raw_due_at) AND p.due_at_given IS NULL THEN problem('due_at', '承诺办结时间“' || trim(p.raw_due_at) || '”无法识别为日期时间')
        WHEN p.due_at_given >= b.until_at THEN out_of_range_problem('due_at', '承诺办结时间', p.raw_due_at, b.earliest, b.latest)
        WHEN NOT is_blank(p.raw_paused_days) AND (p.paused_days IS NULL OR p.paused_days < 0) THEN problem('paused_days', '暂停计时天数“' || trim(p.raw_paused_days) || '”不是非负整数')
        WHEN p.paused_days > b.max_paused_days THEN problem('paused_days', '暂停计时天数“' || trim(p.raw_paused_days) || '”超过 ' || b.max_paused_days || ' 个工作日，不合常理')
        WHEN NOT is_blank(p.raw_completed_at) AND p.completed_at IS NULL THEN problem('completed_at', '办结时间“' || trim(p.raw_completed_at) || '”无法识别为日期时间')
        WHEN p.completed_at >= b.until_at THEN out_of_range_problem('completed_at', '办结时间', p.raw_completed_at, b.earliest, b.latest)
        WHEN is_blank(p.raw_status) THEN problem('status', '办件状态为空')
        WHEN p.status IS NULL THEN problem('status', '办件状态“' || trim(p.raw_status) || '”不在允许值内（已受理/办理中/已办结/已退回/不予受理/已撤销）')
        WHEN NOT is_blank(p.raw_recorded_at) AND p.recorded_at IS NULL THEN problem('recorded_at', '录入时间“' || trim(p.raw_recorded_at) || '”无法识别为日期时间')
        WHEN p.recorded_at < b.from_at OR p.recorded_at >= b.until_at THEN out_of_range_problem('recorded_at', '录入时间', p.raw_recorded_at, b.earliest, b.latest)
        WHEN NOT is_blank(p.raw_updated_at) AND p.updated_at IS NULL THEN problem('updated_at', '更新时间“' || trim(p.raw_updated_at) || '”无法识别为日期时间')
        WHEN p.updated_at < b.from_at OR p.updated_at >= b.until_at THEN out_of_range_problem('updated_at', '更新时间', p.raw_updated_at, b.earliest, b.latest)
        WHEN p.due_at_given < p.accepted_at THEN problem('due_at', '承诺办结时间早于受理时间')
        WHEN p.completed_at < p.accepted_at THEN problem('completed_at', '办结时间早于受理时间')
    END AS problem
FROM parsed AS p
CROSS JOIN core_date_bounds AS b
LEFT JOIN dim_center AS ce ON ce.center_code = p.center_code
LEFT JOIN dim_window AS w ON w.window_code = p.window_code
LEFT JOIN dim_item AS i ON i.item_code = p.item_code;

-- step: duplicates
-- A case_id seen earlier in the file rejects every later row carrying it. Only a problem with the case_id
-- itself, checked above, stands before it. Cases come by the million: the ids are grouped only where their 64-bit
-- hash repeats, which halves this step (a hash collision costs a little work, never a false duplicate).
UPDATE typed SET problem = duplicate_problem('case_id', '办件编号', d.first_row)
FROM (SELECT case_id, min(row_no) AS first_row
      FROM typed SEMI JOIN (SELECT hash(case_id) AS h FROM typed GROUP BY 1 HAVING count(*) > 1) AS r ON hash(typed.case_id) = r.h
      GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.case_id = d.case_id AND typed.row_no > d.first_row AND coalesce(split_part(typed.problem, '|', 1), '') <> 'case_id';

-- step: upsert
-- How each good row meets the stored version of its case. Both with updated_at: the newer replaces, an equal one
-- with other content is a conflict (the stored version stays), anything else changes nothing. Otherwise the later
-- export wins (load_ctx.exported_at, from InboxOrder, against the stored version's), but a case never moves
-- backwards: one no longer open is not reopened by an export that shows it open.
CREATE OR REPLACE TEMP TABLE upsert_match AS
SELECT t.case_id,
    CASE
        WHEN t.updated_at IS NOT NULL AND f.updated_at IS NOT NULL THEN CASE
            WHEN t.updated_at > f.updated_at THEN 'replace'
            WHEN t.updated_at = f.updated_at
                 AND (t.center_code, t.window_code, t.staff_id, t.item_code, t.case_type, t.channel, t.accepted_at,
                      t.due_at_given, t.paused_days, t.completed_at, t.status, pii_hash(t.applicant_id),
                      pii_hash(t.applicant_phone), coalesce(t.recorded_at, t.accepted_at))
                     IS DISTINCT FROM
                     (f.center_code, f.window_code, f.staff_id, f.item_code, f.case_type, f.channel, f.accepted_at,
                      f.due_at_given, f.paused_days, f.completed_at, f.status, f.applicant_id_hash,
                      f.applicant_phone_hash, f.recorded_at)
            THEN 'conflict'
            ELSE 'keep' END
        WHEN c.exported_at < f.exported_at THEN 'keep'
        WHEN case_progress(t.status, t.completed_at) < case_progress(f.status, f.completed_at) THEN 'not_backwards'
        ELSE 'replace'
    END AS action
FROM typed AS t
JOIN fct_case AS f ON f.case_id = t.case_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL;

INSERT INTO load_note
SELECT c.file_id, (SELECT max(run_id) FROM load_run), m.action,
    c.file_name || '：' || count(*) || CASE m.action
        WHEN 'conflict' THEN ' 个办件的更新时间与已导入的版本相同，内容却不同，已保留已导入的版本，请核实后以更新的更新时间重新报送：'
        ELSE ' 个办件已导入的版本已办结（或已退回、不予受理、已撤销），本文件中却是未办结且没有更新的更新时间，按“记录不倒退”的规则未更新：' END
    || array_to_string(list_slice(list(m.case_id ORDER BY m.case_id), 1, 10), '、') || CASE WHEN count(*) > 10 THEN ' 等' ELSE '' END || '。',
    now()::TIMESTAMP
FROM upsert_match AS m CROSS JOIN load_ctx AS c
WHERE m.action IN ('conflict', 'not_backwards')
GROUP BY c.file_id, c.file_name, m.action;

UPDATE fct_case AS f SET
    center_code = t.center_code, window_code = t.window_code, staff_id = t.staff_id, item_code = t.item_code,
    case_type = t.case_type, channel = t.channel, accepted_at = t.accepted_at, due_at_given = t.due_at_given,
    paused_days = t.paused_days, completed_at = t.completed_at, status = t.status,
    applicant_id_hash = pii_hash(t.applicant_id), applicant_id_masked = mask_keep(t.applicant_id, 6, 4),
    applicant_phone_hash = pii_hash(t.applicant_phone), applicant_phone_masked = mask_keep(t.applicant_phone, 3, 4),
    recorded_at = coalesce(t.recorded_at, t.accepted_at), updated_at = t.updated_at, file_id = c.file_id,
    exported_at = c.exported_at
FROM typed AS t, load_ctx AS c, upsert_match AS m
WHERE t.problem IS NULL AND f.case_id = t.case_id AND m.case_id = t.case_id AND m.action = 'replace';

INSERT INTO fct_case (
    case_id, center_code, window_code, staff_id, item_code, case_type, channel, accepted_at, due_at_given,
    paused_days, completed_at, status, applicant_id_hash, applicant_id_masked, applicant_phone_hash,
    applicant_phone_masked, recorded_at, updated_at, file_id, exported_at)
SELECT
    t.case_id, t.center_code, t.window_code, t.staff_id, t.item_code, t.case_type, t.channel, t.accepted_at, t.due_at_given,
    t.paused_days, t.completed_at, t.status,
    pii_hash(t.applicant_id), mask_keep(t.applicant_id, 6, 4),
    pii_hash(t.applicant_phone), mask_keep(t.applicant_phone, 3, 4),
    coalesce(t.recorded_at, t.accepted_at), t.updated_at, c.file_id, c.exported_at
FROM typed AS t
ANTI JOIN fct_case AS f ON f.case_id = t.case_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL;

DROP TABLE upsert_match;
