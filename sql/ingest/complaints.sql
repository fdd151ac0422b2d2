-- Complaints (投诉): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).
-- A blank 核查结果 reads as 核查中 (the spec's default).
-- step: checks
WHEN p.responded_at < p.received_at THEN problem('responded_at', 'inconsistent', '答复时间早于受理时间')
WHEN p.closed_at < p.received_at THEN problem('closed_at', 'inconsistent', '办结时间早于受理时间')

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
