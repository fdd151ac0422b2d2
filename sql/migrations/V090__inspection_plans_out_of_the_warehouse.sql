-- The inspection plan log (V051) leaves the warehouse: the plans, their items and their generation log now live in
-- the restricted folder's own owner-only store (暗访计划记录.json, see Reports/Inspection/InspectionPlanStore.cs), so
-- whoever can read the database, `query` it, or read any report learns nothing of which centers were proposed.
--
-- A warehouse being upgraded may hold plans. A migration does not know where the restricted folder is, so the safe
-- path is taken: `report inspection` and `serve`, which do know it, move any rows into the restricted store before
-- they upgrade the warehouse (InspectionPlanUpgrade.MoveOut); a warehouse upgraded first by any other command has its
-- plan rows DROPPED here rather than kept readable until some later run moves them. What is lost then is only the
-- rotation history (rotation starts afresh and still reaches every center within 12 plans) and the record of earlier
-- plans; the briefings themselves stay in the restricted folder.
DROP TABLE IF EXISTS inspection_plan_item;
DROP TABLE IF EXISTS inspection_plan;
DROP SEQUENCE IF EXISTS inspection_plan_seq;
