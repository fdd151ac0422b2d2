-- Whether the problem behind each measurable 整改 item is still in the data, month by month after the month it
-- was found in: the figures are the marts' own (mart_period_center, mart_period_cases, core_case, core_complaint,
-- core_video_check, fct_visit), compared as the finding compared them.
--   overdue       center: 按期办结率 below the county's with overdue cases; window: overdue rate above the county's
--   long_open     any of the listed cases still open at the month's end
--   complaints / complaint   an upheld complaint at the center (window) in the month
--   video         a video-check violation at the center (window); empty_hall: a check finding the hall empty
--   satisfaction  回访满意率 below the county's
--   visit         a later 暗访/明查 at the center that found problems
--   backfill      the center's back-fill share, shrunk as mart_month_backfill shrinks it, still above the county's
--   bad_rating    a listed 差评 still not rectified at the month's end, or another 差评 at the center running late
--                 in the month (mart_month_bad_rating)
-- has_data is false when the month holds nothing to judge by (no cases, no checks, no ratings, no visit): such a
-- month neither confirms nor refuses a 销号.
CREATE OR REPLACE VIEW mart_rectification_check AS
WITH items AS (
    SELECT i.item_id, i.kind, i.center_code, i.window_code, i.finding_month, i.source_ids
    FROM rectification_item AS i
    JOIN seed_rectification_kinds AS k ON k.kind = i.kind AND k.measurable = 'true'
    WHERE i.status NOT IN ('待确认', '已撤销')
),
months AS (
    SELECT DISTINCT period AS month FROM mart_period_center WHERE scope = 'county' AND period_kind = 'month'
),
pairs AS (
    SELECT i.*, m.month, CAST(m.month + INTERVAL 1 MONTH AS TIMESTAMP) - INTERVAL 1 MICROSECOND AS month_end
    FROM items AS i JOIN months AS m ON m.month > i.finding_month
),
complaints AS (
    SELECT p.item_id, p.month, count(*) FILTER (WHERE c.is_upheld) AS upheld
    FROM pairs AS p
    JOIN core_complaint AS c ON c.center_code = p.center_code AND (p.window_code IS NULL OR c.window_code = p.window_code)
     AND date_trunc('month', c.received_at) = p.month
    GROUP BY ALL
),
video AS (
    SELECT p.item_id, p.month, count(*) AS checks, count(*) FILTER (WHERE v.is_violation) AS violations,
           count(*) FILTER (WHERE v.is_empty_hall) AS empty_hall
    FROM pairs AS p
    JOIN core_video_check AS v ON v.center_code = p.center_code AND (p.window_code IS NULL OR v.window_code = p.window_code OR v.window_code IS NULL)
     AND date_trunc('month', v.checked_at) = p.month
    GROUP BY ALL
),
visits AS (
    SELECT p.item_id, p.month, count(*) AS visits, count(*) FILTER (WHERE v.problems_found > 0) AS with_problems
    FROM pairs AS p
    JOIN fct_visit AS v ON v.center_code = p.center_code AND date_trunc('month', v.visited_at) = p.month
    GROUP BY ALL
),
-- The listed cases are joined by id (an equality join), not by testing every case against every item's list.
listed_cases AS (
    SELECT p.item_id, p.month, p.month_end, unnest(list_distinct(string_split(p.source_ids, '、'))) AS case_id
    FROM pairs AS p
    WHERE p.kind = 'long_open'
),
still_open AS (
    SELECT l.item_id, l.month, count(*) AS still_open
    FROM listed_cases AS l
    JOIN core_case AS c ON c.case_id = l.case_id
    WHERE c.accepted_at <= l.month_end AND (c.completed_at > l.month_end OR (c.completed_at IS NULL AND c.is_open))
    GROUP BY ALL
),
bad_ratings AS (
    SELECT p.item_id, p.month,
           count(*) FILTER (WHERE list_contains(string_split(p.source_ids, '、'), b.callback_id)
                              AND b.called_at <= p.month_end AND (b.rectified_at IS NULL OR b.rectified_at > p.month_end)) AS listed_open,
           count(*) FILTER (WHERE b.month = p.month AND b.is_late) AS late
    FROM pairs AS p
    JOIN mart_month_bad_rating AS b ON b.center_code = p.center_code
    WHERE p.kind = 'bad_rating'
    GROUP BY ALL
)
SELECT
    p.item_id, p.month,
    CASE p.kind
        WHEN 'overdue' THEN CASE WHEN p.window_code IS NULL THEN ce.cases_completed + ce.backlog_overdue > 0
                                 ELSE w.cases_completed > 0 END
        WHEN 'long_open' THEN true
        WHEN 'complaints' THEN ce.cases_accepted > 0 OR coalesce(cp.upheld, 0) > 0
        WHEN 'complaint' THEN ce.cases_accepted > 0 OR coalesce(cp.upheld, 0) > 0
        WHEN 'video' THEN coalesce(vd.checks, 0) > 0
        WHEN 'empty_hall' THEN coalesce(vd.checks, 0) > 0
        WHEN 'satisfaction' THEN ce.callbacks_rated > 0
        WHEN 'visit' THEN coalesce(vs.visits, 0) > 0
        WHEN 'backfill' THEN coalesce(bf.cases, 0) > 0
        WHEN 'bad_rating' THEN true
    END AS has_data,
    CASE p.kind
        WHEN 'overdue' THEN CASE WHEN p.window_code IS NULL
                                 THEN ce.completed_overdue + ce.backlog_overdue > 0 AND ce.timeliness_rate < co.timeliness_rate
                                 ELSE w.completed_overdue > 0 AND w.overdue_rate > wc.overdue_rate END
        WHEN 'long_open' THEN coalesce(so.still_open, 0) > 0
        WHEN 'complaints' THEN coalesce(cp.upheld, 0) > 0
        WHEN 'complaint' THEN coalesce(cp.upheld, 0) > 0
        WHEN 'video' THEN coalesce(vd.violations, 0) > 0
        WHEN 'empty_hall' THEN coalesce(vd.empty_hall, 0) > 0
        WHEN 'satisfaction' THEN ce.satisfaction_rate < co.satisfaction_rate
        WHEN 'visit' THEN coalesce(vs.with_problems, 0) > 0
        WHEN 'backfill' THEN bf.shrunk_share > bf.county_share
        WHEN 'bad_rating' THEN coalesce(br.listed_open, 0) + coalesce(br.late, 0) > 0
    END AS persists,
    CASE WHEN p.window_code IS NULL THEN ce.timeliness_rate ELSE w.overdue_rate END AS case_rate,
    CASE WHEN p.window_code IS NULL THEN co.timeliness_rate ELSE wc.overdue_rate END AS county_case_rate
FROM pairs AS p
LEFT JOIN mart_period_center AS ce ON ce.scope = 'center' AND ce.period_kind = 'month' AND ce.period = p.month AND ce.center_code = p.center_code
LEFT JOIN mart_period_center AS co ON co.scope = 'county' AND co.period_kind = 'month' AND co.period = p.month
LEFT JOIN mart_period_cases AS w ON w.scope = 'window' AND w.period_kind = 'month' AND w.period = p.month AND w.window_code = p.window_code
LEFT JOIN mart_period_cases AS wc ON wc.scope = 'county' AND wc.period_kind = 'month' AND wc.period = p.month
LEFT JOIN complaints AS cp ON cp.item_id = p.item_id AND cp.month = p.month
LEFT JOIN video AS vd ON vd.item_id = p.item_id AND vd.month = p.month
LEFT JOIN visits AS vs ON vs.item_id = p.item_id AND vs.month = p.month
LEFT JOIN still_open AS so ON so.item_id = p.item_id AND so.month = p.month
LEFT JOIN mart_month_backfill AS bf ON bf.center_code = p.center_code AND bf.month = p.month
LEFT JOIN bad_ratings AS br ON br.item_id = p.item_id AND br.month = p.month;
