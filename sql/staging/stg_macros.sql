-- Parsing helpers shared by the feed loaders in sql/ingest/. Feed values arrive as text.
CREATE OR REPLACE MACRO is_blank(v) AS v IS NULL OR trim(v) = '';

-- Full-width forms (U+FF01–U+FF5E: digits, letters, punctuation) and the ideographic space, as their ASCII forms:
-- what NFKC does to them. Only text that is not all ASCII is rewritten: strlen counts bytes and length characters,
-- so they differ only there, and ASCII values (nearly all) pay one length count and no translate.
CREATE OR REPLACE MACRO fold_width(v) AS translate(v,
    '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～　',
    '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ');
CREATE OR REPLACE MACRO fold_text(v) AS CASE WHEN strlen(v) = length(v) THEN v ELSE fold_width(v) END;

-- Ids and codes: text, trimmed, full-width digits and letters read as ASCII.
CREATE OR REPLACE MACRO fold_code(v) AS trim(fold_text(v));

-- The date forms besides yyyy-MM-dd and yyyy/M/d: 2026.10.05 and 2026年10月5日 (each with a time after it in a
-- date-time), written as yyyy-M-d followed by a space where a time follows. Other text passes unchanged, to fail.
CREATE OR REPLACE MACRO iso_date_text(v) AS trim(regexp_replace(fold_code(v),
    '^(\d{4})(?:[-/](\d{1,2})[-/](\d{1,2})(?:[ T]|$)|\.(\d{1,2})\.(\d{1,2})(?:[ T]|$)|年(\d{1,2})月(\d{1,2})日\s*)',
    '\1-\2\4\6-\3\5\7 '));

-- The contract's date-time forms: yyyy-MM-dd HH:mm[:ss], yyyy/M/d H:mm[:ss], ISO 8601 with T, and the date forms
-- above; a bare date (as Excel writes a midnight cell) means 00:00 that day. The pattern admits exactly those forms;
-- DuckDB's cast then rejects impossible dates (2024-02-30). Not try_strptime: it crashed DuckDB 1.5.6 intermittently.
-- The cast alone is no check: it reads '+08' offsets, 'epoch' and '2024 01 01'. The first branch is a fast path
-- for the most common form, yyyy-MM-dd HH:mm:ss, which is exactly the 19-byte text a timestamp casts back to: it
-- accepts nothing the pattern would not, and skips the rewriting and the match, which cost three times the cast.
CREATE OR REPLACE MACRO parse_ts_text(t) AS CASE
    WHEN regexp_full_match(t, '\d{4}-\d{1,2}-\d{1,2}( \d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?') THEN TRY_CAST(t AS TIMESTAMP) END;
CREATE OR REPLACE MACRO parse_ts(v) AS CASE
    WHEN strlen(v) = 19 AND CAST(TRY_CAST(v AS TIMESTAMP) AS VARCHAR) = v THEN TRY_CAST(v AS TIMESTAMP)
    ELSE parse_ts_text(iso_date_text(v)) END;

CREATE OR REPLACE MACRO parse_date_text(t) AS CASE
    WHEN regexp_full_match(t, '\d{4}-\d{1,2}-\d{1,2}') THEN TRY_CAST(t AS DATE) END;
CREATE OR REPLACE MACRO parse_date(v) AS parse_date_text(iso_date_text(v));

-- Whole numbers; full-width digits are folded only for text the plain cast refused.
CREATE OR REPLACE MACRO parse_int(v) AS coalesce(TRY_CAST(trim(v) AS INTEGER),
    CASE WHEN strlen(v) <> length(v) THEN TRY_CAST(trim(fold_width(v)) AS INTEGER) END);

-- The day n working days after d by the Monday–Friday rule (d itself not counted; a weekend day counts from the
-- Friday before): for days no calendar covers, as the load report's warning says.
CREATE OR REPLACE MACRO add_weekdays(d, n) AS
    CAST(d AS DATE) - CAST(greatest(isodow(d) - 5, 0) AS INTEGER)
    + CAST(7 * (n // 5) + n % 5 + CASE WHEN least(isodow(d), 5) + n % 5 > 5 THEN 2 ELSE 0 END AS INTEGER);

-- Enumerations: the loaders join stg_enum_values (domain, value, canonical) twice: x_ on the value exactly as
-- sent, which is nearly every row, then e_ on lower(value) = lower(trim(x)) for the rest only, so English aliases
-- match case-insensitively and padded values still match (lower() on Chinese text is the costly part: a single
-- lower/trim join made loading cases 15% slower).
-- A join, not a scalar-subquery macro: the correlated subquery crashed DuckDB 1.5.6 intermittently.

-- Each first tries the form nearly every value already has, which then needs no rewriting: half the cost.
CREATE OR REPLACE MACRO norm_id_number(v) AS CASE
    WHEN regexp_full_match(v, '\d{17}[\dX]') THEN v ELSE upper(regexp_replace(fold_text(v), '\s', '', 'g')) END;
CREATE OR REPLACE MACRO norm_phone(v) AS CASE
    WHEN regexp_full_match(v, '1\d{10}') THEN v
    ELSE regexp_replace(regexp_replace(fold_text(v), '[\s\-]', '', 'g'), '^\+?86(1\d{10})$', '\1') END;

-- Contract masks: ID numbers keep the first 6 and last 4, phones the first 3 and last 4.
CREATE OR REPLACE MACRO mask_keep(v, head, tail) AS CASE
    WHEN v IS NULL THEN NULL
    WHEN length(v) <= head + tail THEN repeat('*', length(v))
    ELSE left(v, head) || repeat('*', length(v) - head - tail) || right(v, tail) END;

-- Keyed hashes (pii_hash) are stored as 32 bytes; the api views show them as the usual lowercase hex.
CREATE OR REPLACE MACRO hash_hex(b) AS lower(hex(b));

-- "column|kind|reason" triples produced by the loaders' checks; kind is one of sql/seeds/reject_kinds.csv, which code
-- reads (Ingestor: missing_reference) instead of the reason's wording.
CREATE OR REPLACE MACRO problem(col, kind, reason) AS col || '|' || kind || '|' || reason;
CREATE OR REPLACE MACRO problem_column(p) AS split_part(p, '|', 1);
CREATE OR REPLACE MACRO problem_kind(p) AS split_part(p, '|', 2);
-- The reason may itself contain '|' (a raw value quoted as sent).
CREATE OR REPLACE MACRO problem_reason(p) AS array_to_string(string_split(p, '|')[3:], '|');

-- The standard checks the feed spec generates (Oversight.Ingest.LoaderSql), each naming the column by its Chinese header.
CREATE OR REPLACE MACRO missing_problem(col, label) AS problem(col, 'missing_value', label || '为空');
CREATE OR REPLACE MACRO bad_date_problem(col, label, raw) AS
    problem(col, 'bad_date', label || '“' || trim(raw) || '”无法识别为日期');
CREATE OR REPLACE MACRO bad_timestamp_problem(col, label, raw) AS
    problem(col, 'bad_date', label || '“' || trim(raw) || '”无法识别为日期时间');
CREATE OR REPLACE MACRO bad_number_problem(col, label, raw, least_value) AS
    problem(col, 'bad_number', label || '“' || trim(raw) || '”' || CASE WHEN least_value = 1 THEN '不是正整数' ELSE '不是非负整数' END);
-- The enumeration's canonical values in the seed's order, as the reason lists them.
CREATE OR REPLACE MACRO enum_list(dom) AS (
    SELECT string_agg(canonical, '/' ORDER BY first_row)
    FROM (SELECT canonical, min(ord) AS first_row FROM stg_enum_values WHERE domain = dom GROUP BY canonical));
CREATE OR REPLACE MACRO bad_enum_problem(col, label, raw, dom) AS
    problem(col, 'bad_enum', label || '“' || trim(raw) || '”' || CASE WHEN dom = 'yes_no' THEN '只能是“是”或“否”'
        WHEN dom = 'assessment_event_kind' THEN '不在本县考核记录类别清单内（' || enum_list(dom) || '）'
        ELSE '不在允许值内（' || enum_list(dom) || '）' END);
CREATE OR REPLACE MACRO missing_reference_problem(col, label, code, feed_name, feed_zh) AS
    problem(col, 'missing_reference', label || '“' || code || '”不存在（请先报送' || feed_zh || '表：' || feed_name || '/' || feed_zh || '）');

-- An id (complaint_id, case_id, …) that is a phone or ID number (is_personal_id, Privacy/FreeTextMask.cs).
CREATE OR REPLACE MACRO personal_id_problem(col) AS
    problem(col, 'personal_data', '编号不得使用电话或身份证号：请改用业务系统中的记录编号后重新报送该行');

-- A date outside core_date_bounds.
CREATE OR REPLACE MACRO out_of_range_problem(col, label, raw, earliest, latest) AS
    problem(col, 'out_of_bounds', label || '“' || trim(raw) || '”超出合理范围（应在 ' || earliest || ' 至 ' || latest || ' 之间）');

-- The loaders' "-- step: duplicates": a key seen earlier in the same file.
CREATE OR REPLACE MACRO duplicate_problem(col, label, first_row) AS
    problem(col, 'duplicate', label || '在本文件中重复（首次出现在第 ' || first_row || ' 行）');
