-- Windows (窗口): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).

-- step: upsert
INSERT INTO dim_window (window_code, center_code, window_name, category, opened_on, closed_on, file_id)
SELECT t.window_code, t.center_code, t.window_name, t.category, t.opened_on, t.closed_on, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (window_code) DO UPDATE SET
    center_code = excluded.center_code, window_name = excluded.window_name, category = excluded.category,
    opened_on = excluded.opened_on, closed_on = excluded.closed_on, file_id = excluded.file_id;
