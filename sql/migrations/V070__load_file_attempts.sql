-- load_file becomes the history of attempts: a file set aside (or loaded with rows naming a reference not yet
-- sent) is tried again when it is sent again, so the same content may appear more than once. Only an attempt
-- with outcome 'loaded' makes content "already loaded". Rebuilt from SELECT * so columns added by other
-- migrations are kept; DuckDB cannot drop a UNIQUE constraint in place.
CREATE TABLE load_file_attempts AS SELECT * FROM load_file;
DROP TABLE load_file;
ALTER TABLE load_file_attempts RENAME TO load_file;
ALTER TABLE load_file ADD PRIMARY KEY (file_id);
ALTER TABLE load_file ALTER COLUMN run_id SET NOT NULL;
ALTER TABLE load_file ALTER COLUMN file_name SET NOT NULL;
ALTER TABLE load_file ALTER COLUMN sha256 SET NOT NULL;
ALTER TABLE load_file ALTER COLUMN outcome SET NOT NULL;
ALTER TABLE load_file ALTER COLUMN loaded_at SET NOT NULL;
