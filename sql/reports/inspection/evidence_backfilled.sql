-- Evidence annex: the back-filled cases (core_backfilled_case) accepted in the three months up to the end of $month,
-- per center, with the times an inspector compares against the paper files. Like the backfill_share signal the flag
-- cites, a case counts even when the inspection it was back-filled for came after the month.
SELECT b.center_code, b.case_id, w.window_name, i.item_name, b.accepted_at, b.recorded_at, b.inspection_at
FROM core_backfilled_case AS b
LEFT JOIN dim_window AS w USING (window_code)
LEFT JOIN dim_item AS i USING (item_code)
WHERE b.accepted_at >= CAST($month AS DATE) - INTERVAL 2 MONTH
  AND b.accepted_at < CAST($month AS DATE) + INTERVAL 1 MONTH
ORDER BY b.center_code, b.accepted_at, b.case_id;
