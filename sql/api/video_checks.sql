CREATE OR REPLACE VIEW api.video_checks AS
SELECT check_id, checked_at, center_code, window_code, checker, finding, staff_on_duty, people_waiting, note
FROM fct_video_check;
