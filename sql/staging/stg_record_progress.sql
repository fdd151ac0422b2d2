-- How far a fact record has progressed, for the rule that a record never moves backwards: without a newer
-- updated_at, an export showing a record at an earlier stage than the stored version (an older export re-sent)
-- does not replace it. A case is open while not completed and 已受理/办理中 (core_case.is_open reads the same
-- macro); once completed, returned, refused or withdrawn it does not become open again.
CREATE OR REPLACE MACRO case_is_open(status, completed_at) AS completed_at IS NULL AND status IN ('已受理', '办理中');
CREATE OR REPLACE MACRO case_progress(status, completed_at) AS CASE WHEN case_is_open(status, completed_at) THEN 0 ELSE 1 END;

-- A complaint is received (0), then checked or answered (1: a verdict other than 核查中, or a reply), then closed (2).
CREATE OR REPLACE MACRO complaint_progress(verdict, responded_at, closed_at) AS CASE
    WHEN closed_at IS NOT NULL THEN 2
    WHEN responded_at IS NOT NULL OR coalesce(verdict, '核查中') <> '核查中' THEN 1
    ELSE 0 END;

-- A callback whose 差评 was rectified does not lose its rectification.
CREATE OR REPLACE MACRO callback_progress(rectified_at) AS CASE WHEN rectified_at IS NULL THEN 0 ELSE 1 END;
