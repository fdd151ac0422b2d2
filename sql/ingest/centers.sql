-- Centers (中心): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).
-- step: checks
-- after: center_code
WHEN NOT regexp_full_match(p.center_code, '\d{9}|\d{12}') THEN problem('center_code', 'bad_code', '中心编码“' || p.center_code || '”应为9位或12位数字')
-- after: county_code
WHEN NOT regexp_full_match(p.county_code, '\d{6}') THEN problem('county_code', 'bad_code', '县区编码“' || p.county_code || '”应为6位数字')

-- step: upsert
-- Generated from the spec (LoaderSql.Upsert): a row replaces the stored center.
