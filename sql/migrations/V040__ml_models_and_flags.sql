-- Trained models (files beside the database, <db>.models/), the flags they produced, and walk-forward backtests.
CREATE SEQUENCE ml_model_seq START 1;

CREATE TABLE ml_model (
    model_id       BIGINT PRIMARY KEY DEFAULT nextval('ml_model_seq'),
    kind           VARCHAR NOT NULL,      -- window / center
    version        VARCHAR NOT NULL,      -- feature-set and trainer version
    as_of          DATE NOT NULL,         -- trained only on months before this date
    train_from     DATE,
    train_to       DATE,                  -- last month in the training set
    training_rows  BIGINT NOT NULL,
    positives      BIGINT,
    seed           INTEGER NOT NULL,
    metrics        VARCHAR NOT NULL,      -- JSON
    path           VARCHAR NOT NULL,
    trained_at     TIMESTAMP NOT NULL
);

CREATE TABLE ml_flag (
    month        DATE NOT NULL,
    kind         VARCHAR NOT NULL,        -- window / center
    code         VARCHAR NOT NULL,
    name         VARCHAR,
    center_code  VARCHAR,
    score        DOUBLE NOT NULL,
    rank         INTEGER NOT NULL,
    reasons      VARCHAR NOT NULL,        -- JSON array of Chinese sentences
    model_id     BIGINT,
    scored_at    TIMESTAMP NOT NULL
);

CREATE SEQUENCE ml_backtest_seq START 1;

CREATE TABLE ml_backtest (
    run_id          BIGINT NOT NULL,
    kind            VARCHAR NOT NULL,     -- window / center
    method          VARCHAR NOT NULL,     -- model / baseline
    month           DATE NOT NULL,
    scored          INTEGER NOT NULL,
    positives       INTEGER NOT NULL,
    precision_at_5  DOUBLE,
    precision_at_10 DOUBLE,
    recall_at_10    DOUBLE,
    auc             DOUBLE,
    created_at      TIMESTAMP NOT NULL
);
