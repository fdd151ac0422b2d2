-- The newest moments the warehouse knows of: records' own event times (never in the future when the clock is
-- right) and the times of its own runs and issues. A server clock earlier than these has been set back.
SELECT 'record' AS kind, max(accepted_at) AS at FROM fct_case
UNION ALL SELECT 'record', max(received_at) FROM fct_complaint
UNION ALL SELECT 'record', max(called_at) FROM fct_callback
UNION ALL SELECT 'record', max(checked_at) FROM fct_video_check
UNION ALL SELECT 'record', max(visited_at) FROM fct_visit
UNION ALL SELECT 'load', max(started_at) FROM load_run
UNION ALL SELECT 'job', max(started_at) FROM job_run
UNION ALL SELECT 'issue', max(assigned_at) FROM briefing_number
UNION ALL SELECT 'issue', max(recorded_at) FROM assessment_publication;
