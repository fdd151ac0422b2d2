-- Core dimensions: current version of each reference record, keyed by its contract id.
-- Enumerations are stored in their canonical Chinese form.
CREATE TABLE dim_center (
    center_code  VARCHAR PRIMARY KEY,
    center_name  VARCHAR NOT NULL,
    county_code  VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,
    population   INTEGER,
    head_name    VARCHAR,
    opened_on    DATE,
    file_id      BIGINT NOT NULL
);

CREATE TABLE dim_window (
    window_code  VARCHAR PRIMARY KEY,
    center_code  VARCHAR NOT NULL,
    window_name  VARCHAR NOT NULL,
    category     VARCHAR,
    opened_on    DATE,
    closed_on    DATE,
    file_id      BIGINT NOT NULL
);

CREATE TABLE dim_staff (
    staff_id     VARCHAR PRIMARY KEY,
    staff_name   VARCHAR NOT NULL,
    center_code  VARCHAR NOT NULL,
    window_code  VARCHAR,
    post         VARCHAR,
    employment   VARCHAR,
    active_from  DATE,
    active_to    DATE,
    file_id      BIGINT NOT NULL
);

CREATE TABLE dim_item (
    item_code      VARCHAR PRIMARY KEY,
    item_name      VARCHAR NOT NULL,
    item_kind      VARCHAR,
    legal_days     INTEGER,
    promised_days  INTEGER NOT NULL,
    file_id        BIGINT NOT NULL
);

-- Days from `calendar` feeds; they override the built-in official calendar (sql/seeds).
CREATE TABLE ref_calendar_override (
    date      DATE PRIMARY KEY,
    day_type  VARCHAR NOT NULL,   -- 休 / 班
    name      VARCHAR,
    file_id   BIGINT NOT NULL
);
