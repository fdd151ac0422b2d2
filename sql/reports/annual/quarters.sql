-- The quarters of the year that have begun by the last load: an assessment of a year still running averages those.
SELECT CAST(count(*) AS INTEGER)
FROM range(1, 5) AS q(quarter), meta_as_of AS a
WHERE make_date($year, CAST((q.quarter - 1) * 3 + 1 AS INTEGER), 1) <= CAST(a.as_of AS DATE);
