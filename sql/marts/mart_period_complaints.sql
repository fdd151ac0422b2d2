-- Complaint metrics per window, per center and for the county, by month, quarter and year, by date received.
-- Upheld and under verification as core_complaint defines them. Pending = not closed yet or still under verification.
-- A repeat complainant is a hashed phone number with two or more complaints in the period
-- (at the center, or anywhere in the county for the county figure).
CREATE OR REPLACE VIEW mart_period_complaints AS
WITH expanded AS (
    SELECT p.period_kind, CAST(date_trunc(p.period_kind, c.received_at) AS DATE) AS period, c.*,
           c.is_upheld AS upheld,
           date_diff('minute', c.received_at, c.responded_at) / 1440.0 AS response_days
    FROM core_complaint AS c
    CROSS JOIN (VALUES ('month'), ('quarter'), ('year')) AS p(period_kind)
),
counts AS (
    SELECT
        CASE WHEN grouping(center_code) = 1 THEN 'county' WHEN grouping(window_code) = 1 THEN 'center' ELSE 'window' END AS scope,
        period_kind, period, center_code, window_code,
        count(*) AS complaints,
        count(*) FILTER (WHERE upheld) AS upheld,
        count(*) FILTER (WHERE upheld AND category = '吃拿卡要') AS upheld_bribery,
        count(*) FILTER (WHERE closed_at IS NULL OR is_pending) AS pending,
        count(*) FILTER (WHERE responded_at IS NOT NULL) AS responded,
        median(response_days) AS median_response_days
    FROM expanded
    -- complaints about the center as a whole (no window) count for the center and county only
    GROUP BY GROUPING SETS ((period_kind, period, center_code, window_code), (period_kind, period, center_code), (period_kind, period))
    HAVING grouping(window_code) = 1 OR window_code IS NOT NULL
),
per_phone AS (
    SELECT
        CASE WHEN grouping(center_code) = 1 THEN 'county' WHEN grouping(window_code) = 1 THEN 'center' ELSE 'window' END AS scope,
        period_kind, period, center_code, window_code, complainant_phone_hash, count(*) AS n
    FROM expanded
    WHERE complainant_phone_hash IS NOT NULL
    GROUP BY GROUPING SETS ((period_kind, period, center_code, window_code, complainant_phone_hash),
                            (period_kind, period, center_code, complainant_phone_hash),
                            (period_kind, period, complainant_phone_hash))
    HAVING grouping(window_code) = 1 OR window_code IS NOT NULL
),
repeats AS (
    SELECT scope, period_kind, period, center_code, window_code, count(*) AS repeat_complainants
    FROM per_phone WHERE n >= 2
    GROUP BY ALL
)
SELECT
    c.scope, c.period_kind, c.period, c.center_code, c.window_code,
    CAST(c.complaints AS BIGINT) AS complaints,
    CAST(c.upheld AS BIGINT) AS upheld,
    CAST(c.upheld_bribery AS BIGINT) AS upheld_bribery,
    CAST(c.pending AS BIGINT) AS pending,
    c.responded / c.complaints AS response_rate,
    c.median_response_days,
    CAST(coalesce(r.repeat_complainants, 0) AS BIGINT) AS repeat_complainants
FROM counts AS c
LEFT JOIN repeats AS r
    ON r.scope = c.scope AND r.period_kind = c.period_kind AND r.period = c.period
   AND r.center_code IS NOT DISTINCT FROM c.center_code AND r.window_code IS NOT DISTINCT FROM c.window_code;
