-- Centers (中心): parsing, standard checks and duplicates come from the feed spec (Feed.cs, LoaderSql).
-- step: checks
-- after: center_code
WHEN NOT regexp_full_match(p.center_code, '\d{9}|\d{12}') THEN problem('center_code', 'bad_code', '中心编码“' || p.center_code || '”应为9位或12位数字')
-- after: county_code
WHEN NOT regexp_full_match(p.county_code, '\d{6}') THEN problem('county_code', 'bad_code', '县区编码“' || p.county_code || '”应为6位数字')

-- step: upsert
INSERT INTO dim_center (center_code, center_name, county_code, kind, population, head_name, opened_on, file_id)
SELECT t.center_code, t.center_name, t.county_code, t.kind, t.population, t.head_name, t.opened_on, c.file_id
FROM typed AS t, load_ctx AS c
WHERE t.problem IS NULL
ON CONFLICT (center_code) DO UPDATE SET
    center_name = excluded.center_name, county_code = excluded.county_code, kind = excluded.kind,
    population = excluded.population, head_name = excluded.head_name, opened_on = excluded.opened_on,
    file_id = excluded.file_id;
