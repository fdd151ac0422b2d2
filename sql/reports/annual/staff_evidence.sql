-- The period's evidence about window staff: the records that name them (cases they accepted, complaints against
-- them, callbacks of their cases, assessment events), and video checks, visits and assessment events that name
-- their window but no person, on a day they were on post there. A record keeps the center and window it names, so a member who moved is scored where the
-- records place them.
SELECT e.source, e.record_id, e.staff_id AS subject, e.center_code, e.window_code, e.occurred_on, e.quarter, e.attribute, e.classes,
       e.original_quantity, e.quantity, e.appeal_id, e.appeal_action, e.appeal_reason, e.appeal_approver, e.appeal_decided_on
FROM mart_assessment_evidence AS e
WHERE e.year = $year AND e.quarter BETWEEN $first_quarter AND $last_quarter AND e.staff_id IS NOT NULL
UNION ALL
SELECT e.source, e.record_id, s.staff_id, e.center_code, e.window_code, e.occurred_on, e.quarter, e.attribute, e.classes,
       e.original_quantity, e.quantity, e.appeal_id, e.appeal_action, e.appeal_reason, e.appeal_approver, e.appeal_decided_on
FROM mart_assessment_evidence AS e
JOIN dim_staff AS s ON s.window_code = e.window_code
    AND e.occurred_on >= coalesce(s.active_from, DATE '1900-01-01') AND e.occurred_on <= coalesce(s.active_to, DATE '9999-12-31')
WHERE e.year = $year AND e.quarter BETWEEN $first_quarter AND $last_quarter AND e.staff_id IS NULL
  AND e.source IN ('视频抽查', '暗访', '考核记录')
ORDER BY 3, 6, 1, 2;
