-- due_at is the effective due time (given, or computed from the item's promised working days plus pauses);
-- overdue_working_days is as of completion, or as of the last load for open cases.
-- Keyed hashes are stored as bytes and shown as lowercase hex (hash_hex).
CREATE OR REPLACE VIEW api.cases AS
SELECT case_id, center_code, window_code, staff_id, item_code, case_type, channel, accepted_at, due_at, paused_days,
       completed_at, status, hash_hex(applicant_id_hash) AS applicant_id_hash, applicant_id_masked,
       hash_hex(applicant_phone_hash) AS applicant_phone_hash, applicant_phone_masked,
       recorded_at, updated_at, is_overdue, overdue_working_days, record_lag_hours
FROM core_case;
