-- Video checks (视频抽查): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).

-- step: upsert
-- Generated from the spec (LoaderSql.Upsert): no updated_at in this feed: the later export wins.
