-- The one definition of an empty hall (空壳大厅, "形同虚设"): at least empty_hall_min_checks video checks, more than
-- empty_hall_check_share of them finding nobody at the post or in the hall (core_video_check.is_empty_post). The
-- monthly ranking puts such a center below all others; the annual credibility gate refuses to honour it.
CREATE OR REPLACE MACRO is_empty_hall(checks, empty_checks) AS
    coalesce(checks, 0) >= (SELECT empty_hall_min_checks FROM core_setting)
    AND coalesce(empty_checks, 0) > (SELECT empty_hall_check_share FROM core_setting) * coalesce(checks, 0);
