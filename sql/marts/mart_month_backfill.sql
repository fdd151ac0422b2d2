-- Back-filling (补录) per center and month of acceptance: cases typed in more than core_setting.backfill_hours after
-- they were accepted (the one back-fill threshold), beside the county's share that month and the center's share
-- shrunk toward it by core_setting.shrink_cases_backfill cases, so a small center's one late record says little and a
-- small center that back-fills most of its cases is still found. A burst (集中补录) is a shrunk share at least
-- core_setting.backfill_burst_margin above the county's: the monthly 通报 names it (sql/reports/monthly/backfill_bursts.sql),
-- and the 整改 item it proposes closes once the shrunk share is back at the county's (mart_rectification_check).
CREATE OR REPLACE VIEW mart_month_backfill AS
WITH centers AS (
    SELECT center_code, CAST(date_trunc('month', accepted_at) AS DATE) AS month, count(*) AS cases,
           count(*) FILTER (WHERE record_lag_hours > (SELECT backfill_hours FROM core_setting)) AS backfilled
    FROM core_case
    GROUP BY ALL
),
county AS (
    SELECT month, sum(backfilled) / sum(cases) AS county_share FROM centers GROUP BY ALL
),
shrunk AS (
    SELECT c.center_code, c.month, c.cases, c.backfilled, c.backfilled / c.cases AS backfill_share, k.county_share,
           (c.backfilled + s.shrink_cases_backfill * k.county_share) / (c.cases + s.shrink_cases_backfill) AS shrunk_share,
           s.backfill_burst_margin
    FROM centers AS c JOIN county AS k USING (month) CROSS JOIN core_setting AS s
)
SELECT center_code, month, cases, backfilled, backfill_share, county_share, shrunk_share,
       backfilled > 0 AND shrunk_share >= county_share + backfill_burst_margin AS is_burst
FROM shrunk;
