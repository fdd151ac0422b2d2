-- The warehouse's "now" for open cases: the time of the last successful load.
CREATE OR REPLACE VIEW meta_as_of AS
SELECT coalesce(max(loaded_at), CAST(now() AS TIMESTAMP)) AS as_of
FROM load_file
WHERE outcome = 'loaded';
