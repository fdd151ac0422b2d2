-- What rate rules divide by, per center and quarter: 办件 cases accepted; 办结 cases completed in the quarter plus
-- open cases that fell due in it overdue (the cases the overdue evidence is dated among); 回访 callbacks; 评价
-- rated callbacks; 视频抽查 video checks; 整改交办 assigned 整改 items, dated by their deadline.
WITH v AS (
    SELECT center_code AS subject, CAST(accepted_at AS DATE) AS d, '办件' AS name FROM fct_case
    UNION ALL
    SELECT center_code, CAST(coalesce(completed_at, due_at) AS DATE), '办结' FROM core_case WHERE is_completed OR (is_open AND is_overdue)
    UNION ALL
    SELECT center_code, CAST(called_at AS DATE), '回访' FROM core_callback
    UNION ALL
    SELECT center_code, CAST(called_at AS DATE), '评价' FROM core_callback WHERE rating IS NOT NULL
    UNION ALL
    SELECT center_code, CAST(checked_at AS DATE), '视频抽查' FROM fct_video_check
    UNION ALL
    SELECT center_code, deadline, '整改交办' FROM core_rectification_outcome
)
SELECT subject, CAST(quarter(d) AS INTEGER) AS quarter, name, CAST(count(*) AS DOUBLE) AS count
FROM v
WHERE year(d) = $year AND quarter(d) BETWEEN $first_quarter AND $last_quarter
GROUP BY ALL;
