-- The period's assessment evidence, each record attributed to its center.
SELECT source, record_id, center_code AS subject, center_code, window_code, occurred_on, quarter, attribute, classes, original_quantity, quantity,
       appeal_id, appeal_action, appeal_reason, appeal_approver, appeal_decided_on
FROM mart_assessment_evidence
WHERE year = $year AND quarter BETWEEN $first_quarter AND $last_quarter
ORDER BY center_code, occurred_on, source, record_id;
