-- Early warnings per center as of the month's last moment ($month_end, or the last load for a month still
-- running): open cases past due (red) and close to it (yellow), by mart_case_warnings' rule.
SELECT w.center_code,
       count(*) FILTER (WHERE w.warning = 'red') AS red,
       count(*) FILTER (WHERE w.warning = 'yellow') AS yellow
FROM mart_case_warnings((SELECT least(CAST($month_end AS TIMESTAMP), as_of) FROM meta_as_of)) AS w
GROUP BY w.center_code
ORDER BY w.center_code;
