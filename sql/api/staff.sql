CREATE OR REPLACE VIEW api.staff AS
SELECT staff_id, staff_name, center_code, window_code, post, employment, active_from, active_to
FROM dim_staff;
