-- The month's back-fill bursts (集中补录), as mart_month_backfill defines them: the 通报 names these centers.
SELECT center_code, cases, backfilled, backfill_share, county_share, shrunk_share, (SELECT backfill_hours FROM core_setting) AS backfill_hours
FROM mart_month_backfill
WHERE is_burst AND month = CAST($month AS DATE)
ORDER BY shrunk_share DESC, center_code;
