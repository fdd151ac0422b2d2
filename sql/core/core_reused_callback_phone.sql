-- Callback phone numbers shared by 6 or more of one center's cases called in the same month: one row per center,
-- month, number and case. The empty-center signal phone_reuse_share (feat_center_month) counts these cases; the
-- inspection briefing lists each number, masked, with its cases. The number itself never appears in clear.
CREATE OR REPLACE VIEW core_reused_callback_phone AS
WITH calls AS (
    SELECT center_code, CAST(date_trunc('month', called_at) AS DATE) AS month, phone_hash, phone_masked, case_id, called_at
    FROM core_callback
    WHERE phone_hash IS NOT NULL
),
numbers AS (
    SELECT center_code, month, phone_hash, count(DISTINCT case_id) AS cases
    FROM calls GROUP BY ALL
    HAVING count(DISTINCT case_id) >= 6
)
SELECT k.center_code, k.month, k.phone_hash, max(k.phone_masked) AS phone_masked, n.cases, k.case_id,
       min(k.called_at) AS called_at
FROM calls AS k JOIN numbers AS n USING (center_code, month, phone_hash)
GROUP BY k.center_code, k.month, k.phone_hash, n.cases, k.case_id;
