-- What the month's figures rest on: loads, rejected rows and late records.
SELECT
    -- load_file holds every attempt: a file set aside and later loaded counts once, as loaded.
    (SELECT count(DISTINCT sha256) FROM load_file WHERE outcome = 'loaded') AS files_loaded,
    (SELECT count(DISTINCT sha256) FROM load_file f WHERE outcome = 'set_aside'
       AND NOT EXISTS (SELECT 1 FROM load_file l WHERE l.sha256 = f.sha256 AND l.outcome = 'loaded')) AS files_set_aside,
    CAST((SELECT count(*) FROM load_reject) AS BIGINT) AS rows_rejected,
    (SELECT count(*) FROM core_case
      WHERE date_trunc('month', accepted_at) = $month AND record_lag_hours > (SELECT backfill_hours FROM core_setting)) AS late_records,
    (SELECT backfill_hours FROM core_setting) AS backfill_hours,
    (SELECT count(*) FROM core_case WHERE date_trunc('month', accepted_at) = $month) AS month_cases,
    (SELECT max(loaded_at) FROM load_file WHERE outcome = 'loaded') AS last_load;
