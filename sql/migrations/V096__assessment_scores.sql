-- Assessment results as data (read by the reports and, through api.assessment_scores / api.staff_assessment_scores,
-- by BI tools): one row per subject and quarter, and one per subject for the year (quarter NULL). Re-running a
-- period with a scheme replaces that period's rows for that scheme.
CREATE TABLE assessment_score (
    year          INTEGER NOT NULL,
    quarter       INTEGER,            -- NULL: the year
    center_code   VARCHAR NOT NULL,
    center_name   VARCHAR NOT NULL,
    head_name     VARCHAR,
    score         DOUBLE NOT NULL,
    band          VARCHAR NOT NULL,
    rank          INTEGER NOT NULL,
    disqualified  BOOLEAN NOT NULL,
    honour        VARCHAR,            -- e.g. 红旗窗口 for the quarter's top N
    scheme        VARCHAR NOT NULL,
    computed_at   TIMESTAMP NOT NULL
);

CREATE TABLE staff_assessment_score (
    year          INTEGER NOT NULL,
    quarter       INTEGER,
    staff_id      VARCHAR NOT NULL,
    staff_name    VARCHAR NOT NULL,
    center_code   VARCHAR NOT NULL,
    window_code   VARCHAR,
    score         DOUBLE NOT NULL,
    band          VARCHAR NOT NULL,
    rank          INTEGER NOT NULL,
    disqualified  BOOLEAN NOT NULL,
    scheme        VARCHAR NOT NULL,
    computed_at   TIMESTAMP NOT NULL
);

-- Each publication of results opens a review period (公示期) for appeals.
CREATE SEQUENCE publication_id_seq START 1;
CREATE TABLE assessment_publication (
    publication_id  BIGINT PRIMARY KEY DEFAULT nextval('publication_id_seq'),
    scheme          VARCHAR NOT NULL,
    subject         VARCHAR NOT NULL,   -- center / staff
    year            INTEGER NOT NULL,
    first_quarter   INTEGER NOT NULL,
    last_quarter    INTEGER NOT NULL,
    published_on    DATE NOT NULL,
    appeal_deadline DATE NOT NULL,
    recorded_at     TIMESTAMP NOT NULL
);

-- When an appeal was filed, and who approved one filed after the review period.
ALTER TABLE assessment_appeal ADD COLUMN filed_on DATE;
ALTER TABLE assessment_appeal ADD COLUMN late_approved_by VARCHAR;
