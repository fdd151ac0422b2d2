-- The month's listed window flags (evidence past the threshold) with their reasons, best first: which windows to look
-- at inside a proposed center.
SELECT code AS window_code, name AS window_name, center_code, score, rank, reasons
FROM ml_flag
WHERE kind = 'window' AND month = CAST($month AS DATE) AND listed
ORDER BY rank;
