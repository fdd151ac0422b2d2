CREATE OR REPLACE VIEW api.callbacks AS
SELECT callback_id, case_id, method, called_at, reached, rating, comment, rectified_at, hash_hex(phone_hash) AS phone_hash,
       phone_masked
FROM fct_callback;
