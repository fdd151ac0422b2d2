-- Issuing is a step of its own (report … --issue, and the nightly service): a draft takes no 文号 and opens no
-- 公示期. What was issued records the settings in force, so a number can be traced to the rules that made the
-- document. A number given by hand keeps its parsed sequence (NULL when it does not follow the pattern), so the
-- automatic sequence runs on after it.
ALTER TABLE briefing_number ADD COLUMN settings_json VARCHAR;
ALTER TABLE briefing_number ADD COLUMN settings_sha256 VARCHAR;
ALTER TABLE briefing_number ADD COLUMN given_by_hand BOOLEAN DEFAULT false;
ALTER TABLE assessment_publication ADD COLUMN settings_json VARCHAR;
ALTER TABLE assessment_publication ADD COLUMN settings_sha256 VARCHAR;
