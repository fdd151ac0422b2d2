-- Core facts: current version of each record (upsert by id; newer updated_at wins, or the later file
-- where updated_at is absent). Personal data only as keyed hash + mask.
-- The loaders (sql/ingest) keep ids unique; there is no key index because a 10M-row ART index would
-- cost more memory than a whole load is allowed.
CREATE TABLE fct_case (
    case_id                 VARCHAR NOT NULL,
    center_code             VARCHAR NOT NULL,
    window_code             VARCHAR NOT NULL,
    staff_id                VARCHAR,
    item_code               VARCHAR NOT NULL,
    case_type               VARCHAR NOT NULL,
    channel                 VARCHAR,
    accepted_at             TIMESTAMP NOT NULL,
    due_at_given            TIMESTAMP,     -- as sent; the effective due time is computed in core_case
    paused_days             INTEGER,
    completed_at            TIMESTAMP,
    status                  VARCHAR NOT NULL,
    applicant_id_hash       VARCHAR,
    applicant_id_masked     VARCHAR,
    applicant_phone_hash    VARCHAR,
    applicant_phone_masked  VARCHAR,
    recorded_at             TIMESTAMP NOT NULL,
    updated_at              TIMESTAMP,
    file_id                 BIGINT NOT NULL
);

CREATE TABLE fct_complaint (
    complaint_id             VARCHAR NOT NULL,
    received_at              TIMESTAMP NOT NULL,
    source                   VARCHAR NOT NULL,
    center_code              VARCHAR NOT NULL,
    window_code              VARCHAR,
    staff_id                 VARCHAR,
    case_id                  VARCHAR,
    category                 VARCHAR NOT NULL,
    content                  VARCHAR,
    verdict                  VARCHAR NOT NULL,   -- empty in the feed means 核查中
    responded_at             TIMESTAMP,
    closed_at                TIMESTAMP,
    complainant_phone_hash   VARCHAR,
    complainant_phone_masked VARCHAR,
    updated_at               TIMESTAMP,
    file_id                  BIGINT NOT NULL
);

CREATE TABLE fct_callback (
    callback_id   VARCHAR NOT NULL,
    case_id       VARCHAR NOT NULL,
    method        VARCHAR NOT NULL,
    called_at     TIMESTAMP NOT NULL,
    reached       BOOLEAN NOT NULL,
    rating        VARCHAR,
    comment       VARCHAR,
    rectified_at  TIMESTAMP,
    phone_hash    VARCHAR,
    phone_masked  VARCHAR,
    file_id       BIGINT NOT NULL
);

CREATE TABLE fct_video_check (
    check_id        VARCHAR NOT NULL,
    checked_at      TIMESTAMP NOT NULL,
    center_code     VARCHAR NOT NULL,
    window_code     VARCHAR,
    checker         VARCHAR,
    finding         VARCHAR NOT NULL,
    staff_on_duty   INTEGER,
    people_waiting  INTEGER,
    note            VARCHAR,
    file_id         BIGINT NOT NULL
);

CREATE TABLE fct_visit (
    visit_id        VARCHAR NOT NULL,
    visited_at      TIMESTAMP NOT NULL,
    center_code     VARCHAR NOT NULL,
    window_code     VARCHAR,
    visit_type      VARCHAR NOT NULL,
    team            VARCHAR,
    problems_found  INTEGER NOT NULL,
    severity        VARCHAR,
    findings        VARCHAR,
    file_id         BIGINT NOT NULL
);
