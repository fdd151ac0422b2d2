-- Video checks (视频抽查): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).

-- step: upsert
-- No updated_at in this feed: the later export wins (load_ctx.exported_at against the stored version's).
UPDATE fct_video_check AS f SET
    checked_at = t.checked_at,
    center_code = t.center_code,
    window_code = t.window_code,
    checker = t.checker,
    finding = t.finding,
    staff_on_duty = t.staff_on_duty,
    people_waiting = t.people_waiting,
    note = t.note,
    file_id = c.file_id,
    exported_at = c.exported_at
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL AND f.check_id = t.check_id
  AND (f.exported_at IS NULL OR c.exported_at >= f.exported_at);

INSERT INTO fct_video_check (check_id, checked_at, center_code, window_code, checker, finding, staff_on_duty, people_waiting, note, file_id, exported_at)
SELECT t.check_id, t.checked_at, t.center_code, t.window_code, t.checker, t.finding, t.staff_on_duty, t.people_waiting, t.note, c.file_id, c.exported_at
FROM typed AS t
ANTI JOIN fct_video_check AS f ON f.check_id = t.check_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL;
