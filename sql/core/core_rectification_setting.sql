-- Rectification time limits (working days) per source class, and the blue-light lead time, from
-- sql/seeds/metric_settings.csv: one row per source. Confirming an item reads its limit here.
CREATE OR REPLACE VIEW core_rectification_setting AS
SELECT s.source, CAST(m.value AS INTEGER) AS working_days,
       (SELECT CAST(value AS INTEGER) FROM seed_metric_settings WHERE key = 'rectify_blue_days_left') AS blue_days_left
FROM (VALUES ('通报问题', 'rectify_days_briefing'), ('暗访/明查', 'rectify_days_visit'), ('视频抽查', 'rectify_days_video'),
             ('差评', 'rectify_days_bad_rating'), ('属实投诉', 'rectify_days_complaint'), ('考核', 'rectify_days_assessment'),
             ('手工', 'rectify_days_manual')) AS s(source, key)
JOIN seed_metric_settings AS m ON m.key = s.key;
