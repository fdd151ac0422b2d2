-- Metric settings a county may change (sql/seeds/metric_settings.csv), as one typed row.
CREATE OR REPLACE VIEW core_setting AS
SELECT
    CAST(max(value) FILTER (WHERE key = 'bad_rating_rectify_working_days') AS INTEGER) AS bad_rating_rectify_working_days,
    CAST(max(value) FILTER (WHERE key = 'yellow_days_left') AS INTEGER) AS yellow_days_left,
    CAST(max(value) FILTER (WHERE key = 'yellow_share_used') AS DOUBLE) AS yellow_share_used
FROM seed_metric_settings;
