-- The 整改 ledger (整改台账): one row per problem the office proposed or assigned, and every change of its status.
-- Proposals (待确认) come from the product's own findings; nothing is assigned (已交办) until a person confirms it,
-- and only then does it take a number (整改〔2026〕12号, a sequence per year of assignment) and a deadline in
-- working days on the official calendar. Free text (description, measures, evidence, notes) is masked on entry.
CREATE SEQUENCE rectification_item_id START 1;
CREATE TABLE rectification_item (
    item_id          BIGINT PRIMARY KEY DEFAULT nextval('rectification_item_id'),
    source_key       VARCHAR NOT NULL UNIQUE,   -- what raised it, so proposing twice proposes once
    source           VARCHAR NOT NULL,          -- 通报问题 / 暗访/明查 / 视频抽查 / 差评 / 属实投诉 / 考核 / 手工
    kind             VARCHAR NOT NULL,          -- seed_rectification_kinds.kind: what the data check measures
    source_ref       VARCHAR,                   -- e.g. the 通报's month and 文号
    source_ids       VARCHAR,                   -- the records behind it (case, complaint, check, visit ids), '、'-joined
    finding_month    DATE NOT NULL,             -- the month the problem was found in (first day)
    center_code      VARCHAR NOT NULL,
    window_code      VARCHAR,
    staff_id         VARCHAR,
    description      VARCHAR NOT NULL,
    requirement      VARCHAR NOT NULL,
    proposed_on      DATE NOT NULL,
    doc_year         INTEGER,
    doc_seq          INTEGER,
    doc_number       VARCHAR UNIQUE,            -- 整改〔2026〕12号, from confirmation on
    assigned_on      DATE,
    working_days     INTEGER,                   -- the time limit given, in working days
    deadline         DATE,
    responsible      VARCHAR,                   -- 责任人 as the township names them
    status           VARCHAR NOT NULL,          -- RectificationStatus
    measures         VARCHAR,
    evidence         VARCHAR,
    completed_on     DATE,                      -- the township's 整改完成日期
    reviewer         VARCHAR,
    reviewed_on      DATE,
    override_reason  VARCHAR,                   -- closed although the data had not improved: why, recorded
    returned_count   INTEGER NOT NULL DEFAULT 0 -- 退回重改 so far
);
CREATE SEQUENCE rectification_event_id START 1;
CREATE TABLE rectification_event (
    event_id     BIGINT PRIMARY KEY DEFAULT nextval('rectification_event_id'),
    item_id      BIGINT NOT NULL,
    changed_at   TIMESTAMP NOT NULL,
    actor        VARCHAR NOT NULL,      -- who: the person at the command line, or the sender named in a 整改反馈 file
    from_status  VARCHAR,
    to_status    VARCHAR NOT NULL,
    note         VARCHAR,
    file_id      BIGINT                 -- the 整改反馈 file it came in, when it did
);
-- 责任追究 recorded against an item (约谈, 通报批评, 诫勉谈话, 组织处理 …).
CREATE SEQUENCE rectification_accountability_id START 1;
CREATE TABLE rectification_accountability (
    accountability_id BIGINT PRIMARY KEY DEFAULT nextval('rectification_accountability_id'),
    item_id      BIGINT NOT NULL,
    measure      VARCHAR NOT NULL,
    person       VARCHAR,
    decided_on   DATE NOT NULL,
    decided_by   VARCHAR NOT NULL,
    note         VARCHAR
);
