-- What inspections found per center, month and kind: the outcome the center model is backtested against.
-- Unannounced inspections (暗访) are preferred; where a county has none, announced ones (明查) are used and the
-- backtest says so (a center that only runs for the inspectors looks fine then).
SELECT center_code, CAST(date_trunc('month', visited_at) AS DATE) AS month, visit_type, CAST(max(problems_found) AS INTEGER) AS max_problems
FROM fct_visit
WHERE visit_type IN ('暗访', '明查')
GROUP BY ALL;
