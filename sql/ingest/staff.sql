-- Staff (人员): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).

-- step: upsert
INSERT INTO dim_staff (staff_id, staff_name, center_code, window_code, post, employment, active_from, active_to, file_id)
SELECT t.staff_id, t.staff_name, t.center_code, t.window_code, t.post, t.employment, t.active_from, t.active_to, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (staff_id) DO UPDATE SET
    staff_name = excluded.staff_name, center_code = excluded.center_code, window_code = excluded.window_code,
    post = excluded.post, employment = excluded.employment, active_from = excluded.active_from,
    active_to = excluded.active_to, file_id = excluded.file_id;
