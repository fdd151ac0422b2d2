CREATE OR REPLACE VIEW api.centers AS
SELECT center_code, center_name, county_code, kind, population, head_name, opened_on
FROM dim_center;
