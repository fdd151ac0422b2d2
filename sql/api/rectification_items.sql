CREATE OR REPLACE VIEW api.rectification_items AS
SELECT i.doc_number, i.item_id, i.status, i.light, i.is_overdue, i.source, k.name AS kind, i.source_ref, i.source_ids,
       i.finding_month, i.center_code, c.center_name, i.window_code, i.staff_id, i.description, i.requirement,
       i.assigned_on, i.working_days, i.deadline, i.responsible, i.measures, i.evidence, i.completed_on,
       i.reviewer, i.reviewed_on, i.override_reason, i.returned_count
FROM core_rectification_item(current_date) AS i
LEFT JOIN seed_rectification_kinds AS k ON k.kind = i.kind
LEFT JOIN dim_center AS c ON c.center_code = i.center_code;
