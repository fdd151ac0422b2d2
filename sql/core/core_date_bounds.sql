-- The values a feed may sensibly carry; anything outside is rejected with its row. Dates: from 10 years before the
-- earliest calendar year (official or fed) to a year after today. Paused time: at most a year of working days.
-- dim_calendar spans these dates and the due dates they lead to; beyond it the Monday–Friday rule counts.
CREATE OR REPLACE VIEW core_date_bounds AS
WITH years AS (
    SELECT min(y) AS earliest_year
    FROM (SELECT year(CAST(date AS DATE)) AS y FROM seed_official_calendar
          UNION ALL SELECT year(date) FROM ref_calendar_override)
)
SELECT
    make_date(CAST(coalesce(earliest_year, year(current_date)) AS INTEGER) - 10, 1, 1) AS earliest,
    CAST(current_date + INTERVAL 1 YEAR AS DATE) AS latest,
    CAST(make_date(CAST(coalesce(earliest_year, year(current_date)) AS INTEGER) - 10, 1, 1) AS TIMESTAMP) AS from_at,
    CAST(current_date + INTERVAL 1 YEAR + INTERVAL 1 DAY AS TIMESTAMP) AS until_at,
    365 AS max_paused_days
FROM years;
