CREATE OR REPLACE VIEW api.complaints AS
SELECT complaint_id, received_at, source, center_code, window_code, staff_id, case_id, category, content, verdict,
       responded_at, closed_at, hash_hex(complainant_phone_hash) AS complainant_phone_hash, complainant_phone_masked, updated_at
FROM fct_complaint;
