-- Calendar (日历): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).

-- step: upsert
-- Generated from the spec (LoaderSql.Upsert): a row replaces the stored override of its date.
