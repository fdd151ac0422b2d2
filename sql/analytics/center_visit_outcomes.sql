-- What unannounced inspections (暗访) found per center and month: the outcome the center model is backtested
-- against. Announced inspections (明查) are left out: a center that only runs for the inspectors looks fine then.
SELECT center_code, CAST(date_trunc('month', visited_at) AS DATE) AS month, CAST(max(problems_found) AS INTEGER) AS max_problems
FROM fct_visit
WHERE visit_type = '暗访'
GROUP BY ALL;
