-- Video spot checks with their business rules as columns (classes of the finding in sql/seeds/enum_values.csv).
--   is_violation   a conduct violation seen on video (离岗, 空岗, 玩手机, 睡岗, 大厅无人)
--   is_empty_post  nobody at the post or hall (大厅无人, 空岗, 离岗): the "形同虚设" signal
--   is_empty_hall  the whole hall empty (大厅无人)
--   is_offline     the camera showed nothing (设备离线)
CREATE OR REPLACE VIEW core_video_check AS
SELECT v.*,
       v.finding IN (SELECT value FROM core_enum_class WHERE domain = 'finding' AND class = 'violation') AS is_violation,
       v.finding IN (SELECT value FROM core_enum_class WHERE domain = 'finding' AND class = 'empty_post') AS is_empty_post,
       v.finding IN (SELECT value FROM core_enum_class WHERE domain = 'finding' AND class = 'empty_hall') AS is_empty_hall,
       v.finding IN (SELECT value FROM core_enum_class WHERE domain = 'finding' AND class = 'offline') AS is_offline
FROM fct_video_check AS v;
