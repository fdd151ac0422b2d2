-- Every enumeration a feed column may name (Feed.cs: Domain), in one lookup for the generated loaders: the shipped
-- domains of seed_enum_values (value or alias → canonical) and the county's own list of assessment event kinds.
-- ord keeps each list in its seed's order, as the reasons list it.
CREATE OR REPLACE VIEW stg_enum_values AS
SELECT domain, value, canonical, rowid AS ord FROM seed_enum_values
UNION ALL
SELECT 'assessment_event_kind', kind, kind, 1000000 + rowid FROM seed_assessment_event_kinds;
