CREATE OR REPLACE VIEW api.callbacks AS
SELECT callback_id, case_id, method, called_at, reached, rating, comment, rectified_at, phone_hash, phone_masked
FROM fct_callback;
