CREATE OR REPLACE TEMP TABLE typed AS
WITH parsed AS (
    SELECT
        r.row_no,
        trim(r.case_id) AS case_id,
        trim(r.center_code) AS center_code,
        trim(r.window_code) AS window_code,
        nullif(trim(r.staff_id), '') AS staff_id,
        trim(r.item_code) AS item_code,
        enum_of('case_type', r.case_type) AS case_type,
        enum_of('channel', r.channel) AS channel,
        parse_ts(r.accepted_at) AS accepted_at,
        parse_ts(r.due_at) AS due_at_given,
        parse_int(r.paused_days) AS paused_days,
        parse_ts(r.completed_at) AS completed_at,
        enum_of('case_status', r.status) AS status,
        nullif(norm_id_number(r.applicant_id), '') AS applicant_id,
        nullif(norm_phone(r.applicant_phone), '') AS applicant_phone,
        parse_ts(r.recorded_at) AS recorded_at,
        parse_ts(r.updated_at) AS updated_at,
        r.case_type AS raw_case_type, r.channel AS raw_channel, r.status AS raw_status,
        r.accepted_at AS raw_accepted_at, r.due_at AS raw_due_at, r.paused_days AS raw_paused_days,
        r.completed_at AS raw_completed_at, r.recorded_at AS raw_recorded_at, r.updated_at AS raw_updated_at,
        row_number() OVER (PARTITION BY trim(r.case_id) ORDER BY r.row_no) AS occurrence,
        min(r.row_no) OVER (PARTITION BY trim(r.case_id)) AS first_row
    FROM raw_rows AS r
)
SELECT
    p.*,
    CASE
        WHEN is_blank(p.case_id) THEN problem('case_id', '办件编号为空')
        WHEN p.occurrence > 1 THEN problem('case_id', '办件编号在本文件中重复（首次出现在第 ' || p.first_row || ' 行）')
        WHEN is_blank(p.center_code) THEN problem('center_code', '中心编码为空')
        WHEN ce.center_code IS NULL THEN problem('center_code', '中心编码“' || p.center_code || '”不存在（请先报送中心表）')
        WHEN is_blank(p.window_code) THEN problem('window_code', '窗口编码为空')
        WHEN w.window_code IS NULL THEN problem('window_code', '窗口编码“' || p.window_code || '”不存在（请先报送窗口表）')
        WHEN is_blank(p.item_code) THEN problem('item_code', '事项编码为空')
        WHEN i.item_code IS NULL THEN problem('item_code', '事项编码“' || p.item_code || '”不存在（请先报送事项表）')
        WHEN is_blank(p.raw_case_type) THEN problem('case_type', '办件类型为空')
        WHEN p.case_type IS NULL THEN problem('case_type', '办件类型“' || trim(p.raw_case_type) || '”不在允许值内（即办件/承诺件/退回件/补办件）')
        WHEN NOT is_blank(p.raw_channel) AND p.channel IS NULL THEN problem('channel', '受理渠道“' || trim(p.raw_channel) || '”不在允许值内（窗口/网上/代办/自助/邮寄）')
        WHEN is_blank(p.raw_accepted_at) THEN problem('accepted_at', '受理时间为空')
        WHEN p.accepted_at IS NULL THEN problem('accepted_at', '受理时间“' || trim(p.raw_accepted_at) || '”无法识别为日期时间')
        WHEN NOT is_blank(p.raw_due_at) AND p.due_at_given IS NULL THEN problem('due_at', '承诺办结时间“' || trim(p.raw_due_at) || '”无法识别为日期时间')
        WHEN NOT is_blank(p.raw_paused_days) AND (p.paused_days IS NULL OR p.paused_days < 0) THEN problem('paused_days', '暂停计时天数“' || trim(p.raw_paused_days) || '”不是非负整数')
        WHEN NOT is_blank(p.raw_completed_at) AND p.completed_at IS NULL THEN problem('completed_at', '办结时间“' || trim(p.raw_completed_at) || '”无法识别为日期时间')
        WHEN is_blank(p.raw_status) THEN problem('status', '办件状态为空')
        WHEN p.status IS NULL THEN problem('status', '办件状态“' || trim(p.raw_status) || '”不在允许值内（已受理/办理中/已办结/已退回/不予受理/已撤销）')
        WHEN NOT is_blank(p.raw_recorded_at) AND p.recorded_at IS NULL THEN problem('recorded_at', '录入时间“' || trim(p.raw_recorded_at) || '”无法识别为日期时间')
        WHEN NOT is_blank(p.raw_updated_at) AND p.updated_at IS NULL THEN problem('updated_at', '更新时间“' || trim(p.raw_updated_at) || '”无法识别为日期时间')
        WHEN p.due_at_given < p.accepted_at THEN problem('due_at', '承诺办结时间早于受理时间')
        WHEN p.completed_at < p.accepted_at THEN problem('completed_at', '办结时间早于受理时间')
    END AS problem
FROM parsed AS p
LEFT JOIN dim_center AS ce ON ce.center_code = p.center_code
LEFT JOIN dim_window AS w ON w.window_code = p.window_code
LEFT JOIN dim_item AS i ON i.item_code = p.item_code;

-- step: upsert
INSERT INTO fct_case (
    case_id, center_code, window_code, staff_id, item_code, case_type, channel, accepted_at, due_at_given,
    paused_days, completed_at, status, applicant_id_hash, applicant_id_masked, applicant_phone_hash,
    applicant_phone_masked, recorded_at, updated_at, file_id)
SELECT
    t.case_id, t.center_code, t.window_code, t.staff_id, t.item_code, t.case_type, t.channel, t.accepted_at, t.due_at_given,
    t.paused_days, t.completed_at, t.status,
    pii_hash(t.applicant_id), mask_keep(t.applicant_id, 6, 4),
    pii_hash(t.applicant_phone), mask_keep(t.applicant_phone, 3, 4),
    coalesce(t.recorded_at, t.accepted_at), t.updated_at, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (case_id) DO UPDATE SET
    center_code = excluded.center_code, window_code = excluded.window_code, staff_id = excluded.staff_id,
    item_code = excluded.item_code, case_type = excluded.case_type, channel = excluded.channel,
    accepted_at = excluded.accepted_at, due_at_given = excluded.due_at_given, paused_days = excluded.paused_days,
    completed_at = excluded.completed_at, status = excluded.status,
    applicant_id_hash = excluded.applicant_id_hash, applicant_id_masked = excluded.applicant_id_masked,
    applicant_phone_hash = excluded.applicant_phone_hash, applicant_phone_masked = excluded.applicant_phone_masked,
    recorded_at = excluded.recorded_at, updated_at = excluded.updated_at, file_id = excluded.file_id
WHERE excluded.updated_at > fct_case.updated_at OR excluded.updated_at IS NULL OR fct_case.updated_at IS NULL;
