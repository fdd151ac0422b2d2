-- Assessment events (考核记录): findings of the daily and periodic checks and commendations that no other feed
-- carries but the counties' schemes score (late or early, off post, dress, a quarrel, a 锦旗, a media report).
-- The allowed kinds are the seed sql/seeds/assessment_event_kinds.csv, which a county may extend.
CREATE TABLE fct_assessment_event (
    event_id     VARCHAR NOT NULL,
    occurred_on  DATE NOT NULL,
    center_code  VARCHAR NOT NULL,
    window_code  VARCHAR,
    staff_id     VARCHAR,
    kind         VARCHAR NOT NULL,
    quantity     INTEGER NOT NULL,   -- 1 when the feed leaves it empty
    recorder     VARCHAR,
    note         VARCHAR,
    file_id      BIGINT NOT NULL
);
