-- Rejected rows per file, most first.
SELECT file_name, count(*) AS rows_rejected
FROM load_reject
GROUP BY file_name
ORDER BY rows_rejected DESC, file_name
LIMIT 10;
