-- A center's hours on each day it completed a case: the most specific row of ref_center_hours (作息时间) that covers
-- the day (a date range before a weekday, a weekday before a row naming neither), else, on a working day, the
-- settings center_open_default / center_close_default. A day the center is not open (a rest day with no row for it)
-- has no row here. hours_source says which applied, for the appendix.
CREATE OR REPLACE VIEW core_center_day_hours AS
WITH days AS (
    SELECT DISTINCT c.center_code, CAST(c.completed_at AS DATE) AS date
    FROM fct_case AS c
    WHERE c.completed_at IS NOT NULL
),
fed AS (
    SELECT d.center_code, d.date, h.open_time, h.close_time,
           h.weekday IS NOT NULL OR h.date_from IS NOT NULL OR h.date_to IS NOT NULL AS is_specific
    FROM days AS d
    JOIN ref_center_hours AS h
      ON h.center_code = d.center_code
     AND (h.weekday IS NULL OR h.weekday = isodow(d.date))
     AND (h.date_from IS NULL OR d.date >= h.date_from)
     AND (h.date_to IS NULL OR d.date <= h.date_to)
    QUALIFY row_number() OVER (PARTITION BY d.center_code, d.date
        ORDER BY (h.date_from IS NOT NULL OR h.date_to IS NOT NULL) DESC, (h.weekday IS NOT NULL) DESC) = 1
)
SELECT d.center_code, d.date,
       coalesce(f.open_time, s.center_open_default) AS open_time,
       coalesce(f.close_time, s.center_close_default) AS close_time,
       CASE WHEN f.center_code IS NOT NULL THEN '作息时间表' ELSE '默认作息时间' END AS hours_source
FROM days AS d
JOIN dim_calendar AS k ON k.date = d.date
CROSS JOIN core_setting AS s
LEFT JOIN fed AS f ON f.center_code = d.center_code AND f.date = d.date
WHERE k.is_working_day OR f.is_specific;
