CREATE OR REPLACE VIEW api.center_hours AS
SELECT center_code, weekday, date_from, date_to, open_time, close_time
FROM ref_center_hours;
