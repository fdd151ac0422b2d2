-- Each 整改 item as its history (rectification_event) stood at the end of a day: the status of its last change made
-- by then (in the order the changes were recorded), the times it had been returned (退回重改) and, when closed by then,
-- the day it was closed. core_rectification_item reads the ledger through this, so the lights, and the 通报's
-- follow-up of a month re-rendered after later changes, say what held on that day. No row: no change by then.
CREATE OR REPLACE MACRO core_rectification_asof(at_day) AS TABLE
SELECT item_id,
       arg_max(to_status, event_id) AS status,
       count(*) FILTER (WHERE to_status = '退回重改' AND from_status IS DISTINCT FROM '退回重改') AS returned_count,
       arg_max(CAST(changed_at AS DATE), event_id) FILTER (WHERE to_status = '已销号' AND from_status IS DISTINCT FROM '已销号') AS closed_on
FROM rectification_event
WHERE changed_at < CAST(at_day AS DATE) + INTERVAL 1 DAY
GROUP BY item_id;
