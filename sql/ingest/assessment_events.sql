-- Assessment events (考核记录): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).
-- kind must be one of seed_assessment_event_kinds (the county's list); a blank quantity is 1.

-- step: upsert
-- Generated from the spec (LoaderSql.Upsert): no updated_at in this feed: the later export wins.
