-- The business classes of each canonical enumeration value (sql/seeds/enum_values.csv, column `classes`):
-- which verdicts are upheld, which ratings are 差评, which video findings are violations. Every rule that
-- groups enumeration values reads this view, so a county changes a class in the seed and nowhere else.
CREATE OR REPLACE VIEW core_enum_class AS
SELECT DISTINCT domain, canonical AS value, class
FROM (SELECT domain, canonical, unnest(string_split(classes, ' ')) AS class
      FROM seed_enum_values
      WHERE classes IS NOT NULL AND trim(classes) <> '')
WHERE class <> '';
