-- Flags list only what the evidence supports (listed), mark the empty-hall/fabrication evidence strong enough to
-- always enter the visit plan (strong); backtests keep the Brier score; and the ranking basis a month's flags used
-- (the model, a rule or a blend), chosen by the walk-forward backtest on the county's own history.
ALTER TABLE ml_flag ADD COLUMN listed BOOLEAN DEFAULT true;
ALTER TABLE ml_flag ADD COLUMN strong BOOLEAN DEFAULT false;
ALTER TABLE ml_backtest ADD COLUMN brier DOUBLE;

CREATE TABLE ml_ranking (
    month          DATE NOT NULL,         -- the month scored with this basis
    method         VARCHAR NOT NULL,      -- model / rule_last_month / rule_shrunk_3m / blend
    backtest_from  DATE,
    backtest_to    DATE,
    months         INTEGER NOT NULL,
    precision_at_10 DOUBLE,
    auc            DOUBLE,
    summary        VARCHAR NOT NULL,      -- JSON: every method's figures
    chosen_at      TIMESTAMP NOT NULL
);
