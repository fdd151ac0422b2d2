-- How each assigned 整改 item went, for the assessment: late (closed after its deadline, or still open past it today)
-- and reopened (退回重改 at least once). mart_assessment_evidence scores these as source 整改, dated by the deadline;
-- the rate's denominator is the items due in the period (sql/reports/annual/volumes.sql, 整改交办).
CREATE OR REPLACE VIEW core_rectification_outcome AS
SELECT i.item_id, i.doc_number, i.center_code, i.window_code, i.deadline,
       (i.status = '已销号' AND i.reviewed_on > i.deadline)
       OR (i.status IN ('已交办', '整改中', '申请销号', '退回重改') AND current_date > i.deadline) AS is_late,
       i.returned_count > 0 AS is_reopened
FROM rectification_item AS i
WHERE i.doc_number IS NOT NULL AND i.status <> '已撤销';
