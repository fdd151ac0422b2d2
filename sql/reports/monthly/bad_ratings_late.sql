-- 差评 whose rectification time limit ended in the month (mart_month_bad_rating), per center that let one run late:
-- how many fell due, how many were not rectified in time and those callbacks (the 整改 item lists them), beside the
-- county's share rectified in time. Worst share first.
WITH centers AS (
    SELECT center_code, count(*) AS due, count(*) FILTER (WHERE is_late) AS late,
           string_agg(callback_id, ',' ORDER BY due_on, callback_id) FILTER (WHERE is_late) AS late_ids
    FROM mart_month_bad_rating
    WHERE month = CAST($month AS DATE)
    GROUP BY center_code
)
SELECT center_code, due, late, late_ids, 1 - late / due AS in_time_rate,
       1 - sum(late) OVER () / sum(due) OVER () AS county_in_time_rate,
       (SELECT bad_rating_rectify_working_days FROM core_setting) AS limit_days
FROM centers
QUALIFY late > 0
ORDER BY late / due DESC, center_code;
