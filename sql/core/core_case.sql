-- Cases with their effective due time and overdue status.
-- due_at: the given due_at, else the end of the day promised_days working days after the accepting
-- day (that day not counted). paused_days is time legally excluded from the limit, so it extends
-- the due date whichever way the due date was obtained.
-- Open = not completed and still in progress; returned / refused / withdrawn cases without a
-- completion time are closed without being "late".
CREATE OR REPLACE VIEW core_case AS
WITH base AS (
    SELECT
        c.*,
        i.promised_days,
        coalesce(c.paused_days, 0) AS paused,
        CAST(coalesce(c.due_at_given, c.accepted_at) AS DATE) AS anchor_day,
        -- Items are checked on load; were one to vanish, its cases count as same-day rather than never due.
        CASE WHEN c.due_at_given IS NULL THEN coalesce(i.promised_days, 0) ELSE 0 END + coalesce(c.paused_days, 0) AS shift_days
    FROM fct_case AS c
    LEFT JOIN dim_item AS i ON i.item_code = c.item_code
),
due AS (
    SELECT
        b.*,
        CAST(CASE
            WHEN b.shift_days = 0 THEN b.anchor_day
            WHEN target.date IS NOT NULL THEN target.date
            -- Past the calendar's end (or from outside it): the Monday–Friday rule, never no due date at all.
            WHEN anchor.date IS NOT NULL THEN add_weekdays(cal.last_day, anchor.working_day_seq + b.shift_days - cal.last_seq)
            ELSE add_weekdays(b.anchor_day, b.shift_days)
        END AS TIMESTAMP)
        + CASE WHEN b.due_at_given IS NULL THEN INTERVAL '23:59:59' ELSE b.due_at_given - date_trunc('day', b.due_at_given) END
            AS due_at
    FROM base AS b
    CROSS JOIN (SELECT max(date) AS last_day, max(working_day_seq) AS last_seq FROM dim_calendar) AS cal
    LEFT JOIN dim_calendar AS anchor ON anchor.date = b.anchor_day
    -- An equi-join on the sequence number (a condition on shift_days here would turn it into a nested loop).
    LEFT JOIN (SELECT date, working_day_seq FROM dim_calendar WHERE is_working_day) AS target
        ON target.working_day_seq = anchor.working_day_seq + b.shift_days
),
judged AS (
    SELECT
        d.*,
        d.completed_at IS NOT NULL AS is_completed,
        case_is_open(d.status, d.completed_at) AS is_open,
        CASE
            WHEN d.completed_at IS NOT NULL THEN d.completed_at
            WHEN case_is_open(d.status, d.completed_at) THEN (SELECT as_of FROM meta_as_of)
        END AS judged_at
    FROM due AS d
)
SELECT
    j.case_id, j.center_code, j.window_code, j.staff_id, j.item_code, j.case_type, j.channel,
    j.accepted_at, j.due_at_given, j.paused_days, j.completed_at, j.status,
    j.applicant_id_hash, j.applicant_id_masked, j.applicant_phone_hash, j.applicant_phone_masked,
    j.recorded_at, j.updated_at, j.file_id,
    j.due_at,
    j.is_completed,
    j.is_open,
    coalesce(j.judged_at > j.due_at, false) AS is_overdue,
    CASE
        WHEN j.judged_at > j.due_at THEN greatest(judged.working_day_seq - due_day.working_day_seq, 0)
        ELSE 0
    END AS overdue_working_days,
    j.is_completed AND j.completed_at <= j.due_at AS completed_on_time,
    date_diff('second', j.accepted_at, j.recorded_at) / 3600.0 AS record_lag_hours
FROM judged AS j
LEFT JOIN dim_calendar AS due_day ON due_day.date = CAST(j.due_at AS DATE)
LEFT JOIN dim_calendar AS judged ON judged.date = CAST(j.judged_at AS DATE);
