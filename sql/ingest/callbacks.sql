-- Callbacks (回访): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).

-- step: upsert
-- Generated from the spec (LoaderSql.Upsert): no updated_at in this feed, so the later export wins, except that a
-- rectified 差评 does not lose its rectification (kept silently, as an older export re-sent).
-- progress: callback_progress({row}.rectified_at)
