-- A reason may quote the rejected value as sent: a personal number in it is masked like free text.
INSERT INTO load_reject (file_id, file_name, row_number, column_name, kind, reason)
SELECT c.file_id, c.file_name, t.row_no, problem_column(t.problem), problem_kind(t.problem), mask_pii(problem_reason(t.problem))
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NOT NULL;
