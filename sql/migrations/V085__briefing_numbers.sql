-- The 文号 of each monthly briefing: a per-year sequence kept in the warehouse, so the numbers run on from
-- month to month and re-rendering a month's briefing keeps the number (and 成文日期) it was given first.
CREATE TABLE briefing_number (
    kind             VARCHAR NOT NULL,   -- 'monthly'
    period           DATE NOT NULL,      -- the month the briefing is about (first day)
    year             INTEGER NOT NULL,   -- the year of issue, as in 〔2026〕
    seq              INTEGER NOT NULL,   -- the year's sequence number
    document_number  VARCHAR NOT NULL,   -- as printed, e.g. 南政务监〔2026〕11号
    issued_on        DATE NOT NULL,      -- 成文日期
    assigned_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, period)
);
