-- The same volumes per staff member: the cases they accepted, callbacks of those cases, and video checks of their
-- window on days they were on post there.
WITH v AS (
    SELECT staff_id AS subject, CAST(accepted_at AS DATE) AS d, '办件' AS name FROM fct_case WHERE staff_id IS NOT NULL
    UNION ALL
    SELECT staff_id, CAST(coalesce(completed_at, due_at) AS DATE), '办结' FROM core_case
    WHERE staff_id IS NOT NULL AND (is_completed OR (is_open AND is_overdue))
    UNION ALL
    SELECT staff_id, CAST(called_at AS DATE), '回访' FROM core_callback WHERE staff_id IS NOT NULL
    UNION ALL
    SELECT staff_id, CAST(called_at AS DATE), '评价' FROM core_callback WHERE staff_id IS NOT NULL AND rating IS NOT NULL
    UNION ALL
    SELECT s.staff_id, CAST(v.checked_at AS DATE), '视频抽查' FROM fct_video_check AS v
    JOIN dim_staff AS s ON s.window_code = v.window_code
        AND CAST(v.checked_at AS DATE) >= coalesce(s.active_from, DATE '1900-01-01') AND CAST(v.checked_at AS DATE) <= coalesce(s.active_to, DATE '9999-12-31')
)
SELECT subject, CAST(quarter(d) AS INTEGER) AS quarter, name, CAST(count(*) AS DOUBLE) AS count
FROM v
WHERE year(d) = $year AND quarter(d) BETWEEN $first_quarter AND $last_quarter
GROUP BY ALL;
