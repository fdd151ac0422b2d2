-- The centers assessed, with their heads.
SELECT center_code, center_name, head_name, county_code FROM dim_center ORDER BY center_code;
