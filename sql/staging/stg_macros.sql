-- Parsing helpers shared by the feed loaders in sql/ingest/. Feed values arrive as text.
CREATE OR REPLACE MACRO is_blank(v) AS v IS NULL OR trim(v) = '';

-- The contract's date-time forms: yyyy-MM-dd HH:mm[:ss], yyyy/M/d H:mm[:ss], ISO 8601 with T.
CREATE OR REPLACE MACRO parse_ts(v) AS try_strptime(trim(v), [
    '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M',
    '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M', '%Y-%m-%dT%H:%M:%S.%f',
    -- a bare date (as Excel writes a midnight cell) means 00:00 that day
    '%Y-%m-%d', '%Y/%m/%d']);

CREATE OR REPLACE MACRO parse_date(v) AS CAST(try_strptime(trim(v), ['%Y-%m-%d', '%Y/%m/%d']) AS DATE);

CREATE OR REPLACE MACRO parse_int(v) AS TRY_CAST(trim(v) AS INTEGER);

-- English aliases are matched case-insensitively; Chinese values exactly (after trimming).
CREATE OR REPLACE MACRO enum_of(dom, v) AS (
    SELECT e.canonical FROM seed_enum_values AS e WHERE e.domain = dom AND lower(e.value) = lower(trim(v)));

CREATE OR REPLACE MACRO norm_id_number(v) AS upper(regexp_replace(v, '\s', '', 'g'));
CREATE OR REPLACE MACRO norm_phone(v) AS regexp_replace(regexp_replace(v, '[\s\-]', '', 'g'), '^\+?86(1\d{10})$', '\1');

-- Contract masks: ID numbers keep the first 6 and last 4, phones the first 3 and last 4.
CREATE OR REPLACE MACRO mask_keep(v, head, tail) AS CASE
    WHEN v IS NULL THEN NULL
    WHEN length(v) <= head + tail THEN repeat('*', length(v))
    ELSE left(v, head) || repeat('*', length(v) - head - tail) || right(v, tail) END;

-- "column|reason" pairs produced by the loaders' checks.
CREATE OR REPLACE MACRO problem(col, reason) AS col || '|' || reason;
