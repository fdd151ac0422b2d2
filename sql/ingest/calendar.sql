-- Calendar (日历): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).

-- step: upsert
INSERT INTO ref_calendar_override (date, day_type, name, file_id)
SELECT t.date, t.day_type, t.name, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (date) DO UPDATE SET day_type = excluded.day_type, name = excluded.name, file_id = excluded.file_id;
