-- Complaints by category and by source, per center and for the county, by month, quarter and year.
CREATE OR REPLACE VIEW mart_period_complaint_mix AS
WITH expanded AS (
    SELECT p.period_kind, CAST(date_trunc(p.period_kind, c.received_at) AS DATE) AS period,
           c.center_code, d.dimension, CASE d.dimension WHEN 'category' THEN c.category ELSE c.source END AS value,
           c.is_upheld AS upheld
    FROM core_complaint AS c
    CROSS JOIN (VALUES ('month'), ('quarter'), ('year')) AS p(period_kind)
    CROSS JOIN (VALUES ('category'), ('source')) AS d(dimension)
)
SELECT
    CASE WHEN grouping(center_code) = 1 THEN 'county' ELSE 'center' END AS scope,
    period_kind, period, center_code, dimension, value,
    CAST(count(*) AS BIGINT) AS complaints,
    CAST(count(*) FILTER (WHERE upheld) AS BIGINT) AS upheld
FROM expanded
GROUP BY GROUPING SETS ((period_kind, period, center_code, dimension, value), (period_kind, period, dimension, value));
