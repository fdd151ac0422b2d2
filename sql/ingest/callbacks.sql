-- Callbacks (回访): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).

-- step: upsert
-- No updated_at in this feed: the later export wins (load_ctx.exported_at against the stored version's), except that
-- a rectified 差评 does not lose its rectification.
UPDATE fct_callback AS f SET
    case_id = t.case_id,
    method = t.method,
    called_at = t.called_at,
    reached = t.reached,
    rating = t.rating,
    comment = t.comment,
    rectified_at = t.rectified_at,
    phone_hash = pii_hash(t.phone),
    phone_masked = mask_keep(t.phone, 3, 4),
    file_id = c.file_id,
    exported_at = c.exported_at
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL AND f.callback_id = t.callback_id
  AND (f.exported_at IS NULL OR c.exported_at >= f.exported_at)
  AND callback_progress(t.rectified_at) >= callback_progress(f.rectified_at);

INSERT INTO fct_callback (callback_id, case_id, method, called_at, reached, rating, comment, rectified_at, phone_hash, phone_masked, file_id, exported_at)
SELECT t.callback_id, t.case_id, t.method, t.called_at, t.reached, t.rating, t.comment, t.rectified_at, pii_hash(t.phone), mask_keep(t.phone, 3, 4), c.file_id, c.exported_at
FROM typed AS t
ANTI JOIN fct_callback AS f ON f.callback_id = t.callback_id
CROSS JOIN load_ctx AS c
WHERE t.problem IS NULL;
