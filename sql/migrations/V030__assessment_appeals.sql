-- Appeals (复核) against assessment evidence. The evidence itself is never changed or deleted: an appeal
-- withdraws a record from the assessment or changes the quantity it counts with (e.g. overdue days),
-- and the assessment is recomputed with the appeal shown beside it.
CREATE SEQUENCE appeal_id_seq START 1;

CREATE TABLE assessment_appeal (
    appeal_id     BIGINT PRIMARY KEY DEFAULT nextval('appeal_id_seq'),
    source        VARCHAR NOT NULL,   -- 办件 / 投诉 / 回访 / 视频抽查 / 延时服务
    record_id     VARCHAR NOT NULL,   -- the source record's id (延时服务: center code + ':' + date)
    action        VARCHAR NOT NULL CHECK (action IN ('withdraw', 'change')),
    new_quantity  DOUBLE,             -- for 'change': the quantity to count instead
    reason        VARCHAR NOT NULL,
    approver      VARCHAR NOT NULL,
    decided_on    DATE NOT NULL,
    recorded_at   TIMESTAMP NOT NULL,
    CHECK (action = 'withdraw' OR new_quantity IS NOT NULL)
);
