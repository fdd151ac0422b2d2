-- The record of earlier plans: unannounced visits in the month after each plan's month (the month the plan was for),
-- split by whether the plan had proposed the center, and how many found problems.
WITH plans AS (
    SELECT month, max(plan_id) AS plan_id FROM inspection_plan WHERE month < CAST($month AS DATE) GROUP BY month
),
visits AS (
    SELECT p.month AS plan_month, v.visit_id, v.center_code, v.problems_found,
           EXISTS (SELECT 1 FROM inspection_plan_item AS i WHERE i.plan_id = p.plan_id AND i.center_code = v.center_code) AS proposed
    FROM plans AS p
    JOIN fct_visit AS v
      ON v.visit_type = '暗访'
     AND v.visited_at >= p.month + INTERVAL 1 MONTH AND v.visited_at < p.month + INTERVAL 2 MONTH
)
SELECT proposed,
       CAST(count(*) AS BIGINT) AS visits,
       CAST(count(*) FILTER (WHERE problems_found > 0) AS BIGINT) AS visits_with_problems,
       CAST(coalesce(sum(problems_found), 0) AS BIGINT) AS problems_found,
       CAST(count(DISTINCT plan_month) AS BIGINT) AS plan_months
FROM visits
GROUP BY proposed
ORDER BY proposed DESC;
