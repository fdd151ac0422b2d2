-- The ledger's items with their light (三色督办) as of any day:
--   红 (red)    = not closed and past its deadline (from the day after the deadline);
--   黄 (yellow) = behind: at least half of its working days gone with no measures reported, or returned once (退回重改);
--   蓝 (blue)   = due within blue_days_left working days (core_rectification_setting);
-- items not yet assigned, dropped or closed have none. Red outranks yellow, yellow blue.
-- Status, times returned and the closing day are those of at_day's end (core_rectification_asof); the other columns
-- (measures among them) are the ledger's latest.
CREATE OR REPLACE MACRO core_rectification_item(at_day) AS TABLE
WITH s AS (SELECT max(blue_days_left) AS blue_days_left FROM core_rectification_setting),
as_of AS (
    SELECT i.* REPLACE (coalesce(h.status, CASE WHEN e.item_id IS NULL THEN i.status END) AS status,
                        CASE WHEN h.item_id IS NULL AND e.item_id IS NULL THEN i.returned_count ELSE coalesce(h.returned_count, 0) END AS returned_count,
                        CASE WHEN h.item_id IS NULL AND e.item_id IS NULL THEN i.reviewed_on
                             WHEN h.status = '已销号' THEN h.closed_on END AS reviewed_on)
    FROM rectification_item AS i
    LEFT JOIN core_rectification_asof(at_day) AS h USING (item_id)
    -- an item without any recorded history (none is made that way) stands as the ledger says
    LEFT JOIN (SELECT DISTINCT item_id FROM rectification_event) AS e USING (item_id)
),
measured AS (
    SELECT i.*,
           d_at.working_day_seq - d_as.working_day_seq AS working_days_used,
           d_dl.working_day_seq - d_at.working_day_seq AS working_days_left,
           coalesce(i.status NOT IN ('待确认', '已撤销', '已销号'), false) AND i.assigned_on IS NOT NULL AND i.assigned_on <= CAST(at_day AS DATE) AS is_open
    FROM as_of AS i
    LEFT JOIN dim_calendar AS d_at ON d_at.date = CAST(at_day AS DATE)
    LEFT JOIN dim_calendar AS d_as ON d_as.date = i.assigned_on
    LEFT JOIN dim_calendar AS d_dl ON d_dl.date = i.deadline
)
SELECT m.*,
       m.is_open AND CAST(at_day AS DATE) > m.deadline AS is_overdue,
       CASE
           WHEN NOT m.is_open THEN NULL
           WHEN CAST(at_day AS DATE) > m.deadline THEN '红'
           WHEN m.returned_count > 0 OR (coalesce(trim(m.measures), '') = '' AND 2 * m.working_days_used >= m.working_days) THEN '黄'
           WHEN m.working_days_left <= s.blue_days_left THEN '蓝'
       END AS light
FROM measured AS m CROSS JOIN s;
