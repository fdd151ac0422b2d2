-- 整改反馈 (rectification_updates): the 整改台账 workbook a township sends back, one row per item it reports on.
-- The township may fill 责任人, 整改措施, 佐证, 完成日期 and move the status as RectificationStatuses.TownshipMoves
-- allows (已交办/退回重改 → 整改中 → 申请销号; the same status to add measures); 销号 passes a reviewer at the county,
-- so a row that closes, reopens or otherwise skips review is rejected, as are unknown items and dates before the
-- assignment. Each accepted row that changes something is a rectification_event naming its sender (填报人, else the file).
CREATE OR REPLACE TEMP TABLE typed AS
WITH moves(from_status, to_status) AS (
    VALUES ('已交办', '整改中'), ('已交办', '申请销号'), ('整改中', '申请销号'), ('退回重改', '整改中'), ('退回重改', '申请销号'),
           ('已交办', '已交办'), ('整改中', '整改中'), ('申请销号', '申请销号'), ('退回重改', '退回重改')
),
parsed AS (
    SELECT
        r.row_no,
        trim(fold_text(r.item_no)) AS item_no,
        nullif(trim(r.status), '') AS status,
        nullif(trim(r.responsible), '') AS responsible,
        nullif(trim(r.measures), '') AS measures,
        nullif(trim(r.evidence), '') AS evidence,
        parse_date(r.completed_on) AS completed_on,
        nullif(trim(r.sender), '') AS sender,
        r.completed_on AS raw_completed_on
    FROM raw_rows AS r
)
SELECT
    p.* EXCLUDE (raw_completed_on),
    i.item_id, i.status AS from_status,
    CASE
        WHEN is_blank(p.item_no) THEN missing_problem('item_no', '编号')
        WHEN i.item_id IS NULL THEN problem('item_no', 'unknown_record', '整改台账中没有编号“' || p.item_no || '”的事项')
        WHEN i.status = '已销号' THEN problem('status', 'not_allowed', '该项已于 ' || strftime(i.reviewed_on, '%Y-%m-%d') || ' 销号，不能再填报（如需重新整改请由县里退回）')
        WHEN i.status NOT IN ('已交办', '整改中', '申请销号', '退回重改') THEN problem('item_no', 'not_allowed', '该项状态为“' || i.status || '”，不在整改中')
        WHEN p.status IS NULL THEN missing_problem('status', '状态')
        WHEN p.status = '已销号' THEN problem('status', 'not_allowed', '状态不能填“已销号”：销号须经县里复核，整改完成请填“申请销号”')
        WHEN p.status NOT IN ('已交办', '整改中', '申请销号', '退回重改') THEN problem('status', 'bad_enum', '状态“' || p.status || '”不存在，应为“整改中”或“申请销号”')
        WHEN m.to_status IS NULL THEN problem('status', 'not_allowed', '状态不能由“' || i.status || '”改为“' || p.status || '”')
        WHEN NOT is_blank(p.raw_completed_on) AND p.completed_on IS NULL THEN bad_date_problem('completed_on', '完成日期', p.raw_completed_on)
        WHEN p.completed_on < i.assigned_on THEN problem('completed_on', 'inconsistent', '完成日期 ' || strftime(p.completed_on, '%Y-%m-%d') || ' 早于交办日期 ' || strftime(i.assigned_on, '%Y-%m-%d'))
        WHEN p.completed_on > b.latest THEN out_of_range_problem('completed_on', '完成日期', p.raw_completed_on, b.earliest, b.latest)
        WHEN p.status = '申请销号' AND p.measures IS NULL AND coalesce(trim(i.measures), '') = '' THEN problem('measures', 'missing_value', '申请销号须填写整改措施')
    END AS problem
FROM parsed AS p
CROSS JOIN core_date_bounds AS b
LEFT JOIN rectification_item AS i ON i.doc_number = p.item_no
LEFT JOIN moves AS m ON m.from_status = i.status AND m.to_status = p.status;

-- step: duplicates
UPDATE typed SET problem = duplicate_problem('item_no', '编号', d.first_row)
FROM (SELECT item_no, min(row_no) AS first_row FROM typed GROUP BY 1 HAVING count(*) > 1) AS d
WHERE typed.item_no = d.item_no AND typed.row_no > d.first_row AND coalesce(problem_column(typed.problem), '') <> 'item_no';

-- step: upsert
INSERT INTO rectification_event (item_id, changed_at, actor, from_status, to_status, note, file_id)
SELECT t.item_id, CAST(now() AS TIMESTAMP), coalesce(t.sender, c.file_name), i.status, t.status,
       '整改反馈' || coalesce('：' || t.measures, ''), c.file_id
FROM typed AS t
JOIN rectification_item AS i ON i.item_id = t.item_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL
  AND (t.status <> i.status
       OR coalesce(t.measures, '') <> coalesce(i.measures, '') AND t.measures IS NOT NULL
       OR coalesce(t.evidence, '') <> coalesce(i.evidence, '') AND t.evidence IS NOT NULL
       OR coalesce(t.responsible, '') <> coalesce(i.responsible, '') AND t.responsible IS NOT NULL
       OR t.completed_on IS DISTINCT FROM i.completed_on AND t.completed_on IS NOT NULL);

UPDATE rectification_item AS i SET
    status = t.status,
    responsible = coalesce(t.responsible, i.responsible),
    measures = coalesce(t.measures, i.measures),
    evidence = coalesce(t.evidence, i.evidence),
    completed_on = coalesce(t.completed_on, i.completed_on)
FROM typed AS t
WHERE t.problem IS NULL AND i.item_id = t.item_id;
