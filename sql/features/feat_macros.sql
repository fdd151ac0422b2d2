-- The one shrinkage of the flags: a rate of `events` in `n` pulled toward the county's `county_rate` by `prior_n`
-- units of the county's own experience (a beta prior), so a small sample moves little from the county and a large
-- one speaks for itself. Every rate that ranks a window or center, or explains a flag, goes through it.
CREATE OR REPLACE MACRO shrink_rate(events, n, county_rate, prior_n) AS
    (coalesce(events, 0) + prior_n * coalesce(county_rate, 0)) / (coalesce(n, 0) + prior_n);

-- A window-month is overdue-prone when, of the cases due in the month, at least `min_late` went overdue and the
-- overdue share is above the county's share that month by at least `margin` (feat_flag_setting). The one definition:
-- training, scoring, backtests, briefings and README all read feat_window_month.overdue_prone.
CREATE OR REPLACE MACRO is_overdue_prone(late, due, county_rate, min_late, margin) AS
    coalesce(late, 0) >= min_late AND coalesce(late, 0) >= (coalesce(county_rate, 0) + margin) * coalesce(due, 0);
