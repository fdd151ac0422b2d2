-- On-site inspections (明查 and 暗访) per window, per center and for the county, by month, quarter and year.
CREATE OR REPLACE VIEW mart_period_visits AS
SELECT
    CASE WHEN grouping(center_code) = 1 THEN 'county' WHEN grouping(window_code) = 1 THEN 'center' ELSE 'window' END AS scope,
    period_kind, period, center_code, window_code,
    CAST(count(*) AS BIGINT) AS visits,
    CAST(count(*) FILTER (WHERE visit_type = '暗访') AS BIGINT) AS unannounced_visits,
    CAST(sum(problems_found) AS BIGINT) AS problems_found,
    sum(problems_found) / count(*) AS problems_per_visit
FROM (
    SELECT p.period_kind, CAST(date_trunc(p.period_kind, v.visited_at) AS DATE) AS period, v.*
    FROM fct_visit AS v
    CROSS JOIN (VALUES ('month'), ('quarter'), ('year')) AS p(period_kind)
)
GROUP BY GROUPING SETS ((period_kind, period, center_code, window_code), (period_kind, period, center_code), (period_kind, period))
HAVING grouping(window_code) = 1 OR window_code IS NOT NULL;
