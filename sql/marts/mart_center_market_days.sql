-- Market days (赶场) per center, inferred from case volume: township markets run every third day of the month
-- (逢1、4、7 / 2、5、8 / 3、6、9), and the hall is busiest then. market_cycle = day-of-month mod 3 of the busiest
-- cycle over the last 12 months of data; lift = its cases per day over the center's average. A center whose busiest
-- cycle is less than 15% above average has no clear market day (is_market_town = false).
CREATE OR REPLACE VIEW mart_center_market_days AS
WITH recent AS (
    SELECT center_code, CAST(accepted_at AS DATE) AS day
    FROM fct_case
    WHERE accepted_at >= (SELECT as_of FROM meta_as_of) - INTERVAL 12 MONTH
),
per_cycle AS (
    SELECT center_code, CAST(day(day) % 3 AS INTEGER) AS market_cycle, count(*) AS cases, count(DISTINCT day) AS days
    FROM recent
    GROUP BY ALL
),
ranked AS (
    SELECT center_code, market_cycle,
           (cases / days) / (sum(cases) OVER c / sum(days) OVER c) AS lift,
           row_number() OVER (PARTITION BY center_code ORDER BY cases / days DESC, market_cycle) AS pos
    FROM per_cycle
    WINDOW c AS (PARTITION BY center_code)
)
SELECT center_code, market_cycle,
       CASE market_cycle WHEN 1 THEN '1、4、7' WHEN 2 THEN '2、5、8' ELSE '3、6、9' END AS market_days,
       lift,
       lift >= 1.15 AS is_market_town
FROM ranked
WHERE pos = 1;
