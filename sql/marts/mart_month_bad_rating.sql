-- 差评 due for rectification per center and month: every 差评 (core_callback.is_bad) whose time limit
-- (core_setting.bad_rating_rectify_working_days working days after the callback day, as core_callback.rectified_in_time
-- counts them) ends in the month, and those not rectified in time. The monthly 通报 names a center with any late one
-- (sql/reports/monthly/bad_ratings_late.sql); the 整改 item it proposes closes once the listed 差评 are rectified and no
-- new one runs late (mart_rectification_check).
CREATE OR REPLACE VIEW mart_month_bad_rating AS
WITH due AS (
    SELECT cb.callback_id, cb.case_id, cb.center_code, cb.window_code, cb.called_at, cb.rectified_at, cb.rectified_in_time,
           d.date AS due_on
    FROM core_callback AS cb
    CROSS JOIN core_setting AS s
    JOIN dim_calendar AS called ON called.date = CAST(cb.called_at AS DATE)
    JOIN dim_calendar AS d ON d.is_working_day AND d.working_day_seq = called.working_day_seq + s.bad_rating_rectify_working_days
    WHERE cb.is_bad
)
SELECT callback_id, case_id, center_code, window_code, called_at, rectified_at, due_on,
       CAST(date_trunc('month', due_on) AS DATE) AS month, rectified_in_time, NOT rectified_in_time AS is_late
FROM due;
