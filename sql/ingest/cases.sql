-- Cases (办件): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).
-- step: checks
-- after: paused_days
WHEN p.paused_days > b.max_paused_days THEN problem('paused_days', 'out_of_bounds', '暂停计时天数“' || trim(p.raw_paused_days) || '”超过 ' || b.max_paused_days || ' 个工作日，不合常理')
-- after:
WHEN p.due_at_given < p.accepted_at THEN problem('due_at', 'inconsistent', '承诺办结时间早于受理时间')
WHEN p.completed_at < p.accepted_at THEN problem('completed_at', 'inconsistent', '办结时间早于受理时间')

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
