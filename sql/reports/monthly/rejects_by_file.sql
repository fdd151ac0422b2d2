-- Rejected rows per feed, most first (the document names the data, not the files a clerk named).
SELECT coalesce(f.feed, '') AS feed, count(*) AS rows_rejected
FROM load_reject AS r
LEFT JOIN load_file AS f USING (file_id)
GROUP BY f.feed
ORDER BY rows_rejected DESC, feed;
