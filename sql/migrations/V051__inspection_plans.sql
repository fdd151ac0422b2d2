-- Inspection plans (暗访工作提示): every generation is logged (who, when, for whom, which files), with what it
-- proposed, so later plans can rotate and the record of earlier plans can be checked against visit results.
-- Confidential: no api view reads these tables, and the monthly briefing and annual assessment never join them.
CREATE SEQUENCE inspection_plan_seq START 1;

CREATE TABLE inspection_plan (
    plan_id       BIGINT PRIMARY KEY DEFAULT nextval('inspection_plan_seq'),
    month         DATE NOT NULL,          -- the month whose data the plan rests on; visits are for the month after
    generated_at  TIMESTAMP NOT NULL,
    generated_by  VARCHAR NOT NULL,       -- operating-system user and host
    recipient     VARCHAR NOT NULL,
    folder        VARCHAR NOT NULL,
    files         VARCHAR NOT NULL        -- JSON array of file paths
);

CREATE TABLE inspection_plan_item (
    plan_id       BIGINT NOT NULL,
    month         DATE NOT NULL,
    position      INTEGER NOT NULL,
    center_code   VARCHAR NOT NULL,
    window_codes  VARCHAR,                -- JSON array of the windows to look at
    basis         VARCHAR NOT NULL,       -- evidence / rotation
    evidence_key  VARCHAR NOT NULL,       -- what the proposal rested on, to avoid repeating it on the same evidence
    priority      DOUBLE NOT NULL
);
