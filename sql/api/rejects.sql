CREATE OR REPLACE VIEW api.rejects AS
SELECT file_name AS file, row_number AS row, column_name AS "column", reason
FROM load_reject;
