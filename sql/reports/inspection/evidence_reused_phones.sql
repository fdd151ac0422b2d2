-- Evidence annex: callback numbers reused across a center's cases (core_reused_callback_phone) in the three months up
-- to $month, masked, each with the cases called on it.
SELECT center_code, month, phone_masked, cases, case_id, called_at
FROM core_reused_callback_phone
WHERE month >= CAST($month AS DATE) - INTERVAL 2 MONTH AND month <= CAST($month AS DATE)
ORDER BY center_code, month, cases DESC, phone_masked, called_at, case_id;
