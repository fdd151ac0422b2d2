-- The sender's own header for each contract column of a loaded file, so a reject names the column as the sender
-- wrote it (受理日期, YWSLSJ) rather than by the contract's name (accepted_at).
CREATE TABLE load_file_column (
    file_id      BIGINT NOT NULL,
    column_name  VARCHAR NOT NULL,   -- the contract's name
    header       VARCHAR NOT NULL    -- as in the file's header row
);
