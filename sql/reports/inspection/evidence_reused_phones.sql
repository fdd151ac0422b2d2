-- Evidence annex: callback numbers reused across a center's cases (core_reused_callback_phone) in the three months up
-- to $month, masked, each with the cases called on it. phone_key tells numbers apart (one key per number within a
-- center) without the hash leaving the warehouse, so a number reused in several months is one number in the annex.
SELECT center_code, month, phone_masked, cases, case_id, called_at,
       dense_rank() OVER (PARTITION BY center_code ORDER BY phone_hash) AS phone_key
FROM core_reused_callback_phone
WHERE month >= CAST($month AS DATE) - INTERVAL 2 MONTH AND month <= CAST($month AS DATE)
ORDER BY center_code, month, cases DESC, phone_masked, called_at, case_id;
