-- Items (事项): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).

-- step: upsert
INSERT INTO dim_item (item_code, item_name, item_kind, legal_days, promised_days, file_id)
SELECT t.item_code, t.item_name, t.item_kind, t.legal_days, t.promised_days, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (item_code) DO UPDATE SET
    item_name = excluded.item_name, item_kind = excluded.item_kind, legal_days = excluded.legal_days,
    promised_days = excluded.promised_days, file_id = excluded.file_id;
