-- Every record an assessment scheme can score, one row per (source, record), placed at its center, window and staff
-- member where the record names them:
--   办件     a case that went past its due time (quantity = overdue working days; completed ones dated by
--            completion, open ones by their due date, counted as of the last load);
--   补录     a case typed in more than core_setting.backfill_hours after it was accepted (back-filled), dated by acceptance;
--   投诉     an upheld complaint (core_complaint.is_upheld), attribute = its category;
--   回访     every callback and 好差评 rating, attribute = the rating, or 未接通 / 未评价; classes: bad (core_callback.is_bad)
--            or satisfied (is_satisfied);
--   视频抽查 a video check with a finding other than 正常, attribute = the finding; classes: violation
--            (core_video_check.is_violation), empty_post (is_empty_post);
--   暗访     an inspection visit that found problems, attribute = 明查/暗访, quantity = problems found;
--   考核记录 an assessment event (the assessment_events feed), attribute = its kind, quantity = its count;
--   延时服务 a day on which the center finished a case more than extended_service_grace_minutes after its own closing
--            time that day (core_center_day_hours: the 作息时间 feed, else the default hours); one per center and day,
--            quantity 1, attribute = the closing time that applied and the latest finish (e.g. 下班 17:30，最晚 18:05 办结).
--   整改     an assigned 整改 item that went late or was reopened (core_rectification_outcome), dated by its deadline,
--            attribute = 逾期 or 退回重改.
-- classes (space-separated) lets a rules file name a class (`"classes": ["bad"]`) instead of listing values again.
-- Which of these lose or earn points, and how many, is the county's rules file, not SQL.
-- The latest appeal on a record (assessment_appeal) is applied here: withdrawn, counted with a new quantity, or kept.
CREATE OR REPLACE VIEW mart_assessment_evidence AS
WITH evidence AS (
    SELECT '办件' AS source, case_id AS record_id, center_code, window_code, staff_id,
           CAST(coalesce(completed_at, due_at) AS DATE) AS occurred_on,
           CAST(overdue_working_days AS DOUBLE) AS quantity, item_code AS attribute, CAST(NULL AS VARCHAR) AS classes
    FROM core_case
    WHERE is_overdue AND overdue_working_days > 0
    UNION ALL
    SELECT '补录', case_id, center_code, window_code, staff_id, CAST(accepted_at AS DATE), 1, NULL, NULL
    FROM fct_case
    WHERE recorded_at > accepted_at + to_hours((SELECT backfill_hours FROM core_setting))
    UNION ALL
    SELECT '投诉', complaint_id, center_code, window_code, staff_id, CAST(received_at AS DATE), 1, category, 'upheld'
    FROM core_complaint
    WHERE is_upheld
    UNION ALL
    SELECT '回访', callback_id, center_code, window_code, staff_id, CAST(called_at AS DATE), 1,
           coalesce(rating, CASE WHEN reached THEN '未评价' ELSE '未接通' END),
           CASE WHEN is_bad THEN 'bad' WHEN is_satisfied THEN 'satisfied' END
    FROM core_callback
    UNION ALL
    SELECT '视频抽查', check_id, center_code, window_code, NULL, CAST(checked_at AS DATE), 1, finding,
           nullif(concat_ws(' ', CASE WHEN is_violation THEN 'violation' END, CASE WHEN is_empty_post THEN 'empty_post' END), '')
    FROM core_video_check
    WHERE finding <> '正常'
    UNION ALL
    SELECT '暗访', visit_id, center_code, window_code, NULL, CAST(visited_at AS DATE), problems_found, visit_type, NULL
    FROM fct_visit
    WHERE problems_found > 0
    UNION ALL
    SELECT '考核记录', event_id, center_code, window_code, staff_id, occurred_on, quantity, kind, NULL
    FROM fct_assessment_event
    UNION ALL
    SELECT '延时服务', c.center_code || ':' || strftime(h.date, '%Y-%m-%d'), c.center_code, NULL, NULL, h.date, 1,
           '下班 ' || left(CAST(h.close_time AS VARCHAR), 5) || '，最晚 ' || strftime(max(c.completed_at), '%H:%M') || ' 办结', NULL
    FROM fct_case AS c
    JOIN core_center_day_hours AS h ON h.center_code = c.center_code AND h.date = CAST(c.completed_at AS DATE)
    WHERE CAST(c.completed_at AS TIME) > h.close_time + to_minutes((SELECT extended_service_grace_minutes FROM core_setting))
    GROUP BY c.center_code, h.date, h.close_time
    UNION ALL
    SELECT '整改', doc_number, center_code, window_code, NULL, deadline, 1, CASE WHEN is_late THEN '逾期' ELSE '退回重改' END, NULL
    FROM core_rectification_outcome
    WHERE is_late OR is_reopened
),
latest_appeal AS (
    SELECT * FROM assessment_appeal
    QUALIFY row_number() OVER (PARTITION BY source, record_id ORDER BY recorded_at DESC, appeal_id DESC) = 1
)
SELECT
    e.source, e.record_id, e.center_code, e.window_code, e.staff_id, e.occurred_on,
    CAST(year(e.occurred_on) AS INTEGER) AS year,
    CAST(quarter(e.occurred_on) AS INTEGER) AS quarter,
    e.attribute, e.classes,
    e.quantity AS original_quantity,
    CASE a.action WHEN 'withdraw' THEN 0 WHEN 'change' THEN a.new_quantity ELSE e.quantity END AS quantity,
    a.appeal_id, a.action AS appeal_action, a.reason AS appeal_reason, a.approver AS appeal_approver, a.decided_on AS appeal_decided_on
FROM evidence AS e
LEFT JOIN latest_appeal AS a USING (source, record_id);
