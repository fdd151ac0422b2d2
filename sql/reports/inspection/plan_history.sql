-- Earlier plans' proposals (one row per center per plan month, latest generation of each month), for rotation.
SELECT i.month, i.center_code, i.basis, i.evidence_key
FROM inspection_plan_item AS i
JOIN (SELECT month, max(plan_id) AS plan_id FROM inspection_plan GROUP BY month) AS latest USING (month, plan_id)
WHERE i.month < CAST($month AS DATE)
ORDER BY i.month, i.center_code;
