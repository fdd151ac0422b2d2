-- Unannounced visits (暗访) made before the end of $month, for the record of earlier plans: the inspection command
-- matches them against the plan log it reads from the restricted folder (the warehouse holds no plan).
SELECT visit_id, CAST(date_trunc('month', visited_at) AS DATE) AS month, center_code, problems_found
FROM fct_visit
WHERE visit_type = '暗访' AND visited_at < CAST($month AS DATE) + INTERVAL 1 MONTH
ORDER BY visited_at, visit_id;
