-- Years the data touches that no calendar (official or fed) covers: there the warehouse counts
-- weekdays only, and says so in status and load reports.
CREATE OR REPLACE VIEW core_calendar_gaps AS
WITH touched AS (
    SELECT DISTINCT year(accepted_at) AS year FROM fct_case
    UNION
    SELECT DISTINCT year(coalesce(completed_at, due_at_given)) FROM fct_case WHERE coalesce(completed_at, due_at_given) IS NOT NULL
)
SELECT t.year
FROM touched AS t
WHERE t.year IS NOT NULL
  AND t.year NOT IN (SELECT DISTINCT year(date) FROM dim_calendar WHERE covered)
ORDER BY t.year;
