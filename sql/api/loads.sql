CREATE OR REPLACE VIEW api.loads AS
SELECT file_name AS file, sha256, feed, rows_loaded, rows_rejected, outcome, reason, loaded_at AS time
FROM load_file;
