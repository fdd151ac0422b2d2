-- header: the column as the sender's file named it (NULL for a column the file did not have).
-- kind: what kind of problem it is (sql/seeds/reject_kinds.csv), for tools that sort or count by it.
CREATE OR REPLACE VIEW api.rejects AS
SELECT r.file_name AS file, r.row_number AS row, r.column_name AS "column", r.reason, h.header, r.kind
FROM load_reject AS r
LEFT JOIN load_file_column AS h ON h.file_id = r.file_id AND h.column_name = r.column_name;
