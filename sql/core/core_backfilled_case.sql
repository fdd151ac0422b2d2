-- Cases back-filled for an announced inspection (明查): recorded in the 3 days before an announced visit to their
-- center and more than core_setting.backfill_hours after they were accepted; one row per case, with the (earliest) visit it preceded.
-- The empty-center signal backfill_share (feat_center_month) counts these; the inspection briefing lists them by id.
CREATE OR REPLACE VIEW core_backfilled_case AS
SELECT c.case_id, c.center_code, c.window_code, c.item_code, c.accepted_at, c.recorded_at,
       min(v.visited_at) AS inspection_at
FROM fct_case AS c
JOIN fct_visit AS v
  ON v.visit_type = '明查'
 AND v.center_code = c.center_code
 AND c.recorded_at >= v.visited_at - INTERVAL 3 DAY AND c.recorded_at < v.visited_at
WHERE c.recorded_at > c.accepted_at + to_hours((SELECT backfill_hours FROM core_setting))
GROUP BY c.case_id, c.center_code, c.window_code, c.item_code, c.accepted_at, c.recorded_at;
