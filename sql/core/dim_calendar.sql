-- One row per day from the earliest date a feed may carry (core_date_bounds) to three years after the latest,
-- room for the due dates those lead to (paused time is at most a year of working days). Fed calendar days (ref_calendar_override) take precedence over
-- the shipped official calendar (seed_official_calendar); other days follow the weekday rule.
-- working_day_seq counts working days up to and including the date, so "N working days after d"
-- is the working day whose seq is seq(d) + N: set-based due dates without loops.
CREATE OR REPLACE VIEW dim_calendar AS
WITH days AS (
    SELECT CAST(d AS DATE) AS date
    FROM core_date_bounds AS b,
         range(CAST(b.earliest AS TIMESTAMP), CAST(b.latest + INTERVAL 3 YEAR AS TIMESTAMP), INTERVAL 1 DAY) AS t(d)
),
marks AS (
    SELECT date, day_type, name FROM ref_calendar_override
    UNION ALL
    SELECT CAST(s.date AS DATE), s.day_type, s.name
    FROM seed_official_calendar AS s
    WHERE CAST(s.date AS DATE) NOT IN (SELECT date FROM ref_calendar_override)
),
covered_years AS (
    SELECT DISTINCT year(date) AS year FROM marks
),
typed AS (
    SELECT
        d.date,
        CASE m.day_type
            WHEN '班' THEN true
            WHEN '休' THEN false
            ELSE isodow(d.date) <= 5
        END AS is_working_day,
        CASE
            WHEN m.day_type IS NOT NULL THEN m.day_type
            WHEN isodow(d.date) <= 5 THEN '工作日'
            ELSE '周末'
        END AS day_type,
        m.name AS holiday_name,
        c.year IS NOT NULL AS covered
    FROM days AS d
    LEFT JOIN marks AS m ON m.date = d.date
    LEFT JOIN covered_years AS c ON c.year = year(d.date)
)
SELECT
    date,
    is_working_day,
    CAST(sum(CASE WHEN is_working_day THEN 1 ELSE 0 END) OVER (ORDER BY date) AS INTEGER) AS working_day_seq,
    day_type,
    holiday_name,
    covered
FROM typed;
