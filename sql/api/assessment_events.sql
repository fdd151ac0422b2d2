CREATE OR REPLACE VIEW api.assessment_events AS
SELECT event_id, occurred_on, center_code, window_code, staff_id, kind, quantity, recorder, note
FROM fct_assessment_event;
