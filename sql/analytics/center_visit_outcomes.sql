-- What inspections found per center and month: the outcome the center model is backtested against.
SELECT center_code, CAST(date_trunc('month', visited_at) AS DATE) AS month, CAST(max(problems_found) AS INTEGER) AS max_problems
FROM fct_visit
GROUP BY ALL;
