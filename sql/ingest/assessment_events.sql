-- Assessment events (考核记录): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).
-- kind must be one of seed_assessment_event_kinds (the county's list); a blank quantity is 1.

-- step: upsert
UPDATE fct_assessment_event AS f SET
    occurred_on = t.occurred_on,
    center_code = t.center_code,
    window_code = t.window_code,
    staff_id = t.staff_id,
    kind = t.kind,
    quantity = t.quantity,
    recorder = t.recorder,
    note = t.note,
    file_id = c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL AND f.event_id = t.event_id;

INSERT INTO fct_assessment_event (event_id, occurred_on, center_code, window_code, staff_id, kind, quantity, recorder, note, file_id)
SELECT t.event_id, t.occurred_on, t.center_code, t.window_code, t.staff_id, t.kind, t.quantity, t.recorder, t.note, c.file_id
FROM typed AS t
ANTI JOIN fct_assessment_event AS f ON f.event_id = t.event_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL;
