-- Callbacks and 好差评 ratings with the rated case's place and their business rules as columns.
--   is_bad             a 差评: rating of class `bad` (不满意, 非常不满意)
--   is_satisfied       rating of class `satisfied` (非常满意, 满意)
--   rectified_in_time  a 差评 rectified within core_setting.bad_rating_rectify_working_days working days
--                      after the callback day (Sichuan: 15)
CREATE OR REPLACE VIEW core_callback AS
SELECT cb.*,
       c.center_code, c.window_code, c.staff_id,
       coalesce(cb.rating IN (SELECT value FROM core_enum_class WHERE domain = 'rating' AND class = 'bad'), false) AS is_bad,
       coalesce(cb.rating IN (SELECT value FROM core_enum_class WHERE domain = 'rating' AND class = 'satisfied'), false) AS is_satisfied,
       coalesce(cb.rating IN (SELECT value FROM core_enum_class WHERE domain = 'rating' AND class = 'bad')
                AND rect.working_day_seq <= called.working_day_seq + s.bad_rating_rectify_working_days, false) AS rectified_in_time
FROM fct_callback AS cb
JOIN fct_case AS c USING (case_id)
CROSS JOIN core_setting AS s
LEFT JOIN dim_calendar AS called ON called.date = CAST(cb.called_at AS DATE)
LEFT JOIN dim_calendar AS rect ON rect.date = CAST(cb.rectified_at AS DATE);
