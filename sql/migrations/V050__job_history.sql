-- Runs of the nightly service's jobs: what ran, for which scheduled time, how it ended. A run still marked
-- 'running' when the service starts again was cut off (killed); the service marks it 'interrupted'.
CREATE SEQUENCE job_run_seq START 1;

CREATE TABLE job_run (
    run_id         BIGINT PRIMARY KEY DEFAULT nextval('job_run_seq'),
    job            VARCHAR NOT NULL,       -- nightly / monthly
    scheduled_for  TIMESTAMP NOT NULL,     -- the fire time this run stands for
    trigger        VARCHAR NOT NULL,       -- schedule / catch-up
    started_at     TIMESTAMP NOT NULL,
    finished_at    TIMESTAMP,
    outcome        VARCHAR NOT NULL,       -- running / succeeded / failed / interrupted / cancelled
    counts         VARCHAR,                -- JSON
    error          VARCHAR,
    host           VARCHAR,
    pid            INTEGER
);
