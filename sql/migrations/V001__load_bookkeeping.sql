-- Load bookkeeping: every file seen, every run, every rejected row.
CREATE SEQUENCE IF NOT EXISTS seq_load_run START 1;
CREATE SEQUENCE IF NOT EXISTS seq_load_file START 1;

CREATE TABLE load_run (
    run_id          BIGINT PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    files_seen      INTEGER,
    files_loaded    INTEGER,
    files_set_aside INTEGER,
    rows_loaded     BIGINT,
    rows_rejected   BIGINT,
    duration_ms     BIGINT,
    outcome         VARCHAR      -- 成功 / 部分文件被搁置 / 失败
);

-- One row per distinct file content. Written in the same transaction as the file's rows,
-- so a hash here means the file is fully loaded (or fully set aside).
CREATE TABLE load_file (
    file_id        BIGINT PRIMARY KEY,
    run_id         BIGINT NOT NULL,
    file_name      VARCHAR NOT NULL,
    sha256         VARCHAR NOT NULL UNIQUE,
    feed           VARCHAR,
    format         VARCHAR,      -- csv / xlsx
    encoding       VARCHAR,      -- utf-8 / gb18030
    rows_read      BIGINT,
    rows_loaded    BIGINT,
    rows_rejected  BIGINT,
    outcome        VARCHAR NOT NULL,  -- loaded / set_aside
    reason         VARCHAR,
    loaded_at      TIMESTAMP NOT NULL
);

CREATE TABLE load_reject (
    file_id     BIGINT NOT NULL,
    file_name   VARCHAR NOT NULL,
    row_number  BIGINT,          -- spreadsheet row: the header is row 1
    column_name VARCHAR,
    reason      VARCHAR NOT NULL
);

-- Notes raised during loads that are not row rejections (unknown columns, calendar gaps).
CREATE TABLE load_note (
    file_id    BIGINT,
    run_id     BIGINT,
    kind       VARCHAR NOT NULL,
    message    VARCHAR NOT NULL,
    noted_at   TIMESTAMP NOT NULL
);
