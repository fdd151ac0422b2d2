-- A synthetic province for the report benchmark: 3,000 centers × 6 windows, 150 items, 10M cases over the
-- 12 months to October 2026, with complaints, callbacks, video checks and visits in proportion.
-- Written straight into the core tables (ingest has its own benchmark), naming the columns so a column added later
-- takes its default; deterministic (hash of the row number).
-- The sizes are the variables `centers` and `cases` (ReportBench sets them: --centers, --cases; the tests run it tiny).
CREATE OR REPLACE TEMP MACRO h(x) AS CAST(hash(x) >> 1 AS BIGINT);

INSERT INTO load_run (run_id, started_at, finished_at, outcome) VALUES (0, TIMESTAMP '2026-11-24 02:00', TIMESTAMP '2026-11-24 02:30', 'ok');
INSERT INTO load_file (file_id, run_id, file_name, sha256, feed, rows_loaded, rows_rejected, outcome, loaded_at)
VALUES (0, 0, 'province-bench', 'bench', 'cases', 0, 0, 'loaded', TIMESTAMP '2026-11-24 02:30');

INSERT INTO dim_center (center_code, center_name, county_code, kind, population, head_name, opened_on, file_id)
SELECT printf('51%07d', i), printf('第%d乡镇', i), printf('51%04d', i // 20), '镇', 5000 + h(i) % 40000, printf('乡镇长%d', i), NULL, 0
FROM range(getvariable('centers')) AS t(i);

INSERT INTO dim_window (window_code, center_code, window_name, category, opened_on, closed_on, file_id)
SELECT printf('51%07dW%d', c, w), printf('51%07d', c), printf('窗口%d', w), '综合', NULL, NULL, 0
FROM range(getvariable('centers')) AS a(c), range(6) AS b(w);

INSERT INTO dim_item (item_code, item_name, item_kind, legal_days, promised_days, file_id)
SELECT printf('I%03d', i), printf('事项%d', i), '公共服务', NULL, [0, 1, 3, 5, 10, 15, 20][1 + i % 7], 0
FROM range(150) AS t(i);

INSERT INTO fct_case (case_id, center_code, window_code, staff_id, item_code, case_type, channel, accepted_at, due_at_given,
    paused_days, completed_at, status, applicant_id_hash, applicant_id_masked, applicant_phone_hash, applicant_phone_masked,
    recorded_at, updated_at, file_id)
SELECT
    printf('C%09d', i) AS case_id,
    printf('51%07d', w // 6) AS center_code,
    printf('51%07dW%d', w // 6, w % 6) AS window_code,
    NULL AS staff_id,
    printf('I%03d', item) AS item_code,
    CASE WHEN item % 7 = 0 THEN '即办件' ELSE '承诺件' END AS case_type,
    '窗口' AS channel,
    accepted AS accepted_at,
    NULL AS due_at_given, NULL AS paused_days,
    CASE WHEN h % 100 < 97 THEN accepted + to_days(CAST(h % 23 AS INTEGER)) + INTERVAL 2 HOUR END AS completed_at,
    CASE WHEN h % 100 < 97 THEN '已办结' ELSE '办理中' END AS status,
    NULL, NULL, NULL, NULL,
    accepted + INTERVAL 5 MINUTE AS recorded_at,
    NULL AS updated_at, 0 AS file_id
FROM (
    SELECT i, h(i) AS h, h(i) % (6 * getvariable('centers')) AS w, h(i * 7 + 1) % 150 AS item,
           TIMESTAMP '2025-11-01 09:00' + to_days(CAST(h(i * 13 + 5) % 365 AS INTEGER)) + to_minutes(CAST(h(i * 17) % 480 AS INTEGER)) AS accepted
    FROM range(getvariable('cases')) AS t(i)
);

INSERT INTO fct_complaint (complaint_id, received_at, source, center_code, window_code, staff_id, case_id, category, content,
    verdict, responded_at, closed_at, complainant_phone_hash, complainant_phone_masked, updated_at, file_id)
SELECT printf('P%08d', i), TIMESTAMP '2025-11-01 10:00' + to_days(CAST(h(i) % 365 AS INTEGER)),
       ['12345热线', '意见箱', '现场', '网上'][1 + h(i) % 4], printf('51%07d', h(i * 3) % getvariable('centers')), NULL, NULL, NULL,
       ['服务态度', '办理超时', '推诿扯皮', '吃拿卡要', '其他'][1 + h(i * 5) % 5], '内容',
       ['属实', '部分属实', '不属实', '核查中'][1 + h(i * 7) % 4],
       TIMESTAMP '2025-11-03 10:00' + to_days(CAST(h(i) % 365 AS INTEGER)), NULL,
       printf('h%06d', h(i * 11) % 80000), NULL, NULL, 0
FROM range(getvariable('cases') // 100) AS t(i);

INSERT INTO fct_callback (callback_id, case_id, method, called_at, reached, rating, comment, rectified_at, phone_hash, phone_masked, file_id)
SELECT printf('K%08d', i), printf('C%09d', i * 10), '电话回访', c.accepted_at + INTERVAL 3 DAY, h(i) % 10 < 9,
       CASE WHEN h(i) % 10 < 9 THEN ['非常满意', '满意', '基本满意', '不满意', '非常不满意'][1 + h(i * 3) % 5] END,
       NULL, NULL, NULL, NULL, 0
FROM range(getvariable('cases') // 10) AS t(i)
JOIN fct_case AS c ON c.case_id = printf('C%09d', i * 10);

INSERT INTO fct_video_check (check_id, checked_at, center_code, window_code, checker, finding, staff_on_duty, people_waiting, note, file_id)
SELECT printf('V%08d', i), TIMESTAMP '2025-11-01 09:00' + to_days(CAST(h(i) % 365 AS INTEGER)) + to_hours(CAST(h(i * 3) % 8 AS INTEGER)),
       printf('51%07d', h(i * 5) % getvariable('centers')), NULL, NULL,
       ['正常', '正常', '正常', '正常', '离岗', '空岗', '玩手机', '设备离线'][1 + h(i * 7) % 8], NULL, NULL, NULL, 0
FROM range(getvariable('cases') * 3 // 100) AS t(i);

INSERT INTO fct_visit (visit_id, visited_at, center_code, window_code, visit_type, team, problems_found, severity, findings, file_id)
SELECT printf('X%07d', i), TIMESTAMP '2025-11-01 10:00' + to_days(CAST(h(i) % 365 AS INTEGER)), printf('51%07d', h(i * 3) % getvariable('centers')),
       NULL, ['明查', '暗访'][1 + h(i) % 2], NULL, CAST(h(i * 5) % 4 AS INTEGER), NULL, NULL, 0
FROM range(getvariable('cases') // 500) AS t(i);
