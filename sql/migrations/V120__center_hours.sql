-- Center hours (作息时间, optional reference feed center_hours): a center's opening and closing time on a weekday
-- (1 = Monday … 7 = Sunday) and/or within a date range; a row naming neither applies to all its working days.
-- Where a center or a day has no row the settings center_open_default / center_close_default apply
-- (core_center_day_hours). rule_key makes (center, weekday, date range) one key although its parts may be empty.
CREATE TABLE ref_center_hours (
    center_code  VARCHAR NOT NULL,
    rule_key     VARCHAR NOT NULL,
    weekday      INTEGER,
    date_from    DATE,
    date_to      DATE,
    open_time    TIME NOT NULL,
    close_time   TIME NOT NULL,
    file_id      BIGINT NOT NULL,
    PRIMARY KEY (center_code, rule_key)
);
