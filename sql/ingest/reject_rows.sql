-- A reason may quote the rejected value as sent: a personal number in it is masked like free text.
INSERT INTO load_reject (file_id, file_name, row_number, column_name, reason)
SELECT c.file_id, c.file_name, t.row_no, split_part(t.problem, '|', 1), mask_pii(split_part(t.problem, '|', 2))
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NOT NULL;
