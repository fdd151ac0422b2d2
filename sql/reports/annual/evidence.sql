-- The year's assessment evidence, by center and date.
SELECT source, record_id, center_code, occurred_on, quarter, attribute, original_quantity, quantity,
       appeal_id, appeal_action, appeal_reason, appeal_approver, appeal_decided_on
FROM mart_assessment_evidence
WHERE year = $year
ORDER BY center_code, occurred_on, source, record_id;
