-- The quarters of the year that hold any data a scheme reads, and the last day with data: a period without data
-- is refused, and a quarter the data does not yet reach the end of is marked as partial.
WITH days AS (
    SELECT CAST(accepted_at AS DATE) AS d FROM fct_case
    UNION ALL SELECT CAST(received_at AS DATE) FROM fct_complaint
    UNION ALL SELECT CAST(called_at AS DATE) FROM fct_callback
    UNION ALL SELECT CAST(checked_at AS DATE) FROM fct_video_check
    UNION ALL SELECT CAST(visited_at AS DATE) FROM fct_visit
    UNION ALL SELECT occurred_on FROM fct_assessment_event
)
SELECT CAST(quarter(d) AS INTEGER) AS quarter, count(*) AS records, max(d) AS last_day
FROM days
WHERE year(d) = $year
GROUP BY 1
ORDER BY 1;
