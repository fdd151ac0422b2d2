using System.Text;
using Oversight.Warehouse;

namespace Oversight.Ingest;

/// <summary>The SQL that stages and upserts one feed, from its spec (<see cref="Feed"/>) and its loader file
/// sql/ingest/&lt;feed&gt;.sql. For a feed whose columns all have a spec type, the typed step (parsing, the standard
/// checks in column order: blank, unreadable, out of bounds, not an allowed value, unknown reference) and the
/// duplicate step are generated; the file adds only the feed's own checks (<c>-- step: checks</c>, each
/// <c>WHEN … THEN problem(…)</c>, placed after the standard checks of the column named by a preceding
/// <c>-- after: column</c> line, else after all of them) and its upsert (<c>-- step: upsert</c>). A feed with
/// <see cref="ColumnType.Custom"/> columns writes its whole typed and duplicate steps itself.</summary>
public static class LoaderSql
{
    public sealed record Steps(string Stage, string Upsert);

    public static Steps For(Feed feed) => For(feed, SqlFiles.Read(feed.LoaderSql));

    public static Steps For(Feed feed, string loaderFile)
    {
        var parts = loaderFile.Split("-- step: upsert", StringSplitOptions.TrimEntries);
        if (parts.Length != 2) throw new InvalidOperationException($"{feed.LoaderSql}: expected one '-- step: upsert'");
        if (feed.Columns.Any(c => c.Type == ColumnType.Custom)) return new Steps(parts[0], parts[1]);
        var checksAt = parts[0].IndexOf("-- step: checks", StringComparison.Ordinal);
        var extras = checksAt < 0 ? [] : ExtraChecks(parts[0][(checksAt + "-- step: checks".Length)..]);
        var lines = parts[1].Split('\n').Select(l => l.Trim()).ToList();
        var upsert = lines.All(l => l.Length == 0 || l.StartsWith("--", StringComparison.Ordinal))
            ? Upsert(feed, UpsertRules.Read(feed, lines)) : parts[1];
        return new Steps(Typed(feed, extras) + "\n\n" + Duplicates(feed), upsert);
    }

    /// <summary>One column of a feed's core table: its name, DuckDB type and the value a good row stores, as an
    /// expression over typed row t. Personal numbers only as keyed hash and mask (ID numbers keep the first 6 and last
    /// 4, phones the first 3 and last 4).</summary>
    public sealed record StoredColumn(string Name, string SqlType, string Value)
    {
        /// <summary>Whether a differing value makes the same updated_at a conflict: the mask follows its hash.</summary>
        public bool Compared => !Name.EndsWith("_masked", StringComparison.Ordinal);
    }

    /// <summary>The columns a feed's core table holds for its spec (besides file_id and, for facts, exported_at):
    /// the migrator adds any the table lacks, the upsert writes them, the api view shows them.</summary>
    public static IEnumerable<StoredColumn> Stored(Feed feed) => feed.Columns.SelectMany(c => c.Type switch
    {
        ColumnType.IdNumber or ColumnType.Phone =>
        [
            new StoredColumn($"{c.Name}_hash", "BLOB", $"pii_hash(t.{c.TypedName})"),
            new StoredColumn($"{c.Name}_masked", "VARCHAR", $"mask_keep(t.{c.TypedName}, {(c.Type == ColumnType.IdNumber ? 6 : 3)}, 4)"),
        ],
        _ => new[] { new StoredColumn(c.TypedName, SqlType(c.Type), $"t.{c.TypedName}") },
    });

    private static string SqlType(ColumnType type) => type switch
    {
        ColumnType.Date => "DATE",
        ColumnType.Timestamp => "TIMESTAMP",
        ColumnType.Int => "INTEGER",
        ColumnType.YesNo => "BOOLEAN",
        _ => "VARCHAR",
    };

    /// <summary>What a fact feed's loader file says of its upsert, in comment lines of its upsert section:
    /// <c>-- progress: macro({row}.column, …)</c>, how far a record has come (a record never moves backwards), and
    /// <c>-- conflict: …</c> / <c>-- not_backwards: …</c>, the load note for rows kept that way (after the count).</summary>
    private sealed record UpsertRules(string? Progress, IReadOnlyDictionary<string, string> Notes)
    {
        public static UpsertRules Read(Feed feed, IEnumerable<string> lines)
        {
            string? progress = null;
            var notes = new Dictionary<string, string>();
            foreach (var line in lines)
            {
                // A rule is "-- name: value" with a lower-case one-word name; other comments are prose.
                var rule = System.Text.RegularExpressions.Regex.Match(line, "^--\\s*([a-z_]+):\\s*(.+)$");
                if (!rule.Success) continue;
                var (name, value) = (rule.Groups[1].Value, rule.Groups[2].Value.Trim());
                if (name == "progress") progress = value;
                else if (name is "conflict" or "not_backwards") notes[name] = value;
                else throw new InvalidOperationException($"{feed.LoaderSql}: unknown upsert rule '{name}'");
            }
            if (feed.IsReference && (progress is not null || notes.Count > 0))
                throw new InvalidOperationException($"{feed.LoaderSql}: a reference feed's row simply replaces the stored one");
            return new UpsertRules(progress, notes);
        }
    }

    /// <summary>The upsert generated from the spec. A reference feed: the file's row replaces the stored one. A fact
    /// feed: how each good row meets the stored version of its record (upsert_match). Both with updated_at: the newer
    /// replaces, an equal one with other content is a conflict (the stored version stays), anything else changes
    /// nothing. Otherwise the later export wins (load_ctx.exported_at against the stored version's, so an older export
    /// re-sent later changes nothing), but a record never moves backwards where the loader names its progress.</summary>
    private static string Upsert(Feed feed, UpsertRules rules)
    {
        var table = feed.Table ?? throw new InvalidOperationException($"{feed.Name}: no table to upsert into");
        var key = feed.Key.TypedName;
        var stored = Stored(feed).ToList();
        var columns = string.Join(", ", stored.Select(s => s.Name));
        var values = string.Join(", ", stored.Select(s => s.Value));
        var others = stored.Where(s => s.Name != key).ToList();
        if (feed.IsReference)
            return $"""
                INSERT INTO {table} ({columns}, file_id)
                SELECT {values}, c.file_id
                FROM typed AS t, load_ctx AS c
                WHERE t.problem IS NULL
                ON CONFLICT ({key}) DO UPDATE SET
                    {string.Join(", ", others.Select(s => $"{s.Name} = excluded.{s.Name}"))}, file_id = excluded.file_id;
                """;

        var match = new StringBuilder();
        if (feed.Columns.Any(c => c.Name == "updated_at"))
        {
            var compared = others.Where(s => s.Compared && s.Name != "updated_at").ToList();
            match.AppendLine($"""
                        WHEN t.updated_at IS NOT NULL AND f.updated_at IS NOT NULL THEN CASE
                            WHEN t.updated_at > f.updated_at THEN 'replace'
                            WHEN t.updated_at = f.updated_at
                                 AND ({string.Join(", ", compared.Select(s => s.Value))})
                                     IS DISTINCT FROM ({string.Join(", ", compared.Select(s => "f." + s.Name))})
                            THEN 'conflict'
                            ELSE 'keep' END
                """);
        }
        match.AppendLine("        WHEN c.exported_at < f.exported_at THEN 'keep'");
        if (rules.Progress is { } progress)
            match.AppendLine($"        WHEN {progress.Replace("{row}", "t")} < {progress.Replace("{row}", "f")} THEN 'not_backwards'");
        var noteCases = string.Join(" ", rules.Notes.Select(n => $"WHEN '{n.Key}' THEN ' {n.Value.Replace("'", "''")}'"));
        var notes = rules.Notes.Count == 0 ? "" : $"""
            INSERT INTO load_note
            SELECT c.file_id, (SELECT max(run_id) FROM load_run), m.action,
                c.file_name || '：' || count(*) || CASE m.action
                    {noteCases} END
                || array_to_string(list_slice(list(m.{key} ORDER BY m.{key}), 1, 10), '、') || CASE WHEN count(*) > 10 THEN ' 等' ELSE '' END || '。',
                now()::TIMESTAMP
            FROM upsert_match AS m CROSS JOIN load_ctx AS c
            WHERE m.action IN ({string.Join(", ", rules.Notes.Keys.Select(k => $"'{k}'"))})
            GROUP BY c.file_id, c.file_name, m.action;

            """;
        return $"""
            -- Generated from the feed spec (Feed.{feed.Name}) by LoaderSql, with the upsert rules of {feed.LoaderSql}.
            CREATE OR REPLACE TEMP TABLE upsert_match AS
            SELECT t.{key},
                CASE
            {match}        ELSE 'replace'
                END AS action
            FROM typed AS t
            JOIN {table} AS f ON f.{key} = t.{key}
            CROSS JOIN load_ctx AS c
            WHERE t.problem IS NULL;

            {notes}UPDATE {table} AS f SET
                {string.Join(", ", others.Select(s => $"{s.Name} = {s.Value}"))},
                file_id = c.file_id, exported_at = c.exported_at
            FROM typed AS t, load_ctx AS c, upsert_match AS m
            WHERE t.problem IS NULL AND f.{key} = t.{key} AND m.{key} = t.{key} AND m.action = 'replace';

            INSERT INTO {table} ({columns}, file_id, exported_at)
            SELECT {values}, c.file_id, c.exported_at
            FROM typed AS t
            ANTI JOIN {table} AS f ON f.{key} = t.{key}
            CROSS JOIN load_ctx AS c
            WHERE t.problem IS NULL;

            DROP TABLE upsert_match;
            """;
    }

    /// <summary>The feed's view in the public api schema: its columns as the contract names them, from its core table;
    /// personal numbers as hex hash and mask. A feed with its own sql/api/&lt;feed&gt;.sql (cases: derived columns)
    /// uses that instead.</summary>
    public static string ApiView(Feed feed)
    {
        var columns = feed.Columns.SelectMany(c => c.Type switch
        {
            ColumnType.IdNumber or ColumnType.Phone => [$"hash_hex({c.Name}_hash) AS {c.Name}_hash", $"{c.Name}_masked"],
            _ => new[] { c.TypedName == c.Name ? c.Name : $"{c.TypedName} AS {c.Name}" },
        });
        return $"-- Generated from the feed spec (Feed.{feed.Name}).\n" +
               $"CREATE OR REPLACE VIEW api.{feed.Name} AS\nSELECT {string.Join(", ", columns)}\nFROM {feed.Table};";
    }

    /// <summary>A feed-specific check: the column after whose standard checks it stands (null: after all), its
    /// condition and the problem it raises.</summary>
    private sealed record Extra(string? After, string Condition, string Problem);

    private static List<Extra> ExtraChecks(string text)
    {
        var extras = new List<Extra>();
        string? after = null;
        StringBuilder? current = null;
        void Flush()
        {
            if (current is null) return;
            var check = current.ToString().Trim();
            var then = check.IndexOf(" THEN ", StringComparison.Ordinal);
            if (!check.StartsWith("WHEN ", StringComparison.Ordinal) || then < 0)
                throw new InvalidOperationException($"a feed check must read WHEN … THEN …: {check}");
            extras.Add(new Extra(after, check[5..then].Trim(), check[(then + 6)..].Trim()));
            current = null;
        }
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("-- after:", StringComparison.Ordinal))
            {
                Flush();
                var column = line["-- after:".Length..].Trim();
                after = column.Length == 0 ? null : column;
            }
            else if (line.StartsWith("--", StringComparison.Ordinal) || line.Length == 0) continue;
            else if (line.StartsWith("WHEN ", StringComparison.Ordinal))
            {
                Flush();
                current = new StringBuilder(line);
            }
            else if (current is not null) current.Append(' ').Append(line);
            else throw new InvalidOperationException($"a feed check must start with WHEN: {line}");
        }
        Flush();
        return extras;
    }

    /// <summary>One check: what must hold for it not to fire on a row whose values parsed (the fast path), when it
    /// fires, and the problem.</summary>
    private sealed record Check(string When, string Then);

    private static string Typed(Feed feed, List<Extra> extras)
    {
        var parsed = new List<string> { "r.row_no" };
        var raws = new List<string>();
        var joins = new List<string>();
        var refJoins = new List<string>();
        var checks = new List<Check>();
        var ok = new List<string>();
        foreach (var column in feed.Columns)
        {
            var (expression, needsRaw) = Parse(column);
            parsed.Add($"{expression} AS {column.TypedName}");
            if (needsRaw) raws.Add(column.Name);
            if (column.Domain is { } domain)
            {
                var (x, e) = ($"x_{column.Name}", $"e_{column.Name}");
                joins.Add($"LEFT JOIN stg_enum_values AS {x} ON {x}.domain = '{domain}' AND {x}.value = r.{column.Name}");
                joins.Add($"LEFT JOIN stg_enum_values AS {e} ON {e}.domain = '{domain}' AND lower({e}.value) = " +
                          $"CASE WHEN {x}.value IS NULL THEN lower(trim(r.{column.Name})) END");
            }
            if (column.References is { } target)
                refJoins.Add($"LEFT JOIN {target.Table ?? throw new InvalidOperationException($"{target.Name} has no table to refer to")} AS ref_{column.Name} ON ref_{column.Name}.{target.Key.Name} = p.{column.TypedName}");
            var (own, good) = Checks(column);
            checks.AddRange(own);
            if (good is not null) ok.Add(good);
            foreach (var extra in extras.Where(x => x.After == column.Name)) checks.Add(new Check(extra.Condition, extra.Problem));
        }
        var unknown = extras.Where(x => x.After is not null && feed.Columns.All(c => c.Name != x.After)).ToList();
        if (unknown.Count > 0) throw new InvalidOperationException($"{feed.LoaderSql}: no column {unknown[0].After}");
        foreach (var extra in extras.Where(x => x.After is null)) checks.Add(new Check(extra.Condition, extra.Problem));
        // Nearly every row passes every check: one test of the parsed values lets those rows skip the checks one by
        // one (a fifth of this step's CPU for cases). It holds only where no check fires; NULL falls through to them.
        ok.AddRange(extras.Select(x => $"coalesce(NOT ({x.Condition}), true)"));

        var sql = new StringBuilder();
        sql.AppendLine($"-- Generated from the feed spec (Feed.{feed.Name}) by LoaderSql, with the checks of {feed.LoaderSql}.");
        sql.AppendLine("CREATE OR REPLACE TEMP TABLE typed AS");
        sql.AppendLine("WITH parsed AS (");
        sql.AppendLine("    SELECT");
        sql.AppendLine("        " + string.Join(",\n        ", parsed.Concat(raws.Select(r => $"r.{r} AS raw_{r}"))));
        sql.AppendLine("    FROM raw_rows AS r");
        foreach (var join in joins) sql.AppendLine("    " + join);
        sql.AppendLine(")");
        sql.AppendLine("SELECT");
        sql.AppendLine(raws.Count > 0 ? $"    p.* EXCLUDE ({string.Join(", ", raws.Select(r => "raw_" + r))})," : "    p.*,");
        sql.AppendLine("    CASE");
        if (ok.Count > 0) sql.AppendLine($"        WHEN {string.Join("\n             AND ", ok)}\n        THEN NULL");
        foreach (var check in checks) sql.AppendLine($"        WHEN {check.When} THEN {check.Then}");
        sql.AppendLine("    END AS problem");
        sql.AppendLine("FROM parsed AS p");
        sql.AppendLine("CROSS JOIN core_date_bounds AS b");
        foreach (var join in refJoins) sql.AppendLine(join);
        return sql.ToString().TrimEnd() + ";";
    }

    private static (string Expression, bool NeedsRaw) Parse(FeedColumn c)
    {
        var r = $"r.{c.Name}";
        var value = c.Type switch
        {
            ColumnType.Code => c.Required ? $"fold_code({r})" : $"nullif(fold_code({r}), '')",
            ColumnType.Text => c.Required ? $"trim({r})" : $"nullif(trim({r}), '')",
            ColumnType.Note => r,
            ColumnType.Date => $"parse_date({r})",
            ColumnType.Timestamp => $"parse_ts({r})",
            ColumnType.Int => $"parse_int({r})",
            ColumnType.Enum => $"coalesce(x_{c.Name}.canonical, e_{c.Name}.canonical)",
            ColumnType.YesNo => $"coalesce(x_{c.Name}.canonical, e_{c.Name}.canonical) = '{YesNo.Yes}'",
            ColumnType.IdNumber => $"nullif(norm_id_number({r}), '')",
            ColumnType.Phone => $"nullif(norm_phone({r}), '')",
            _ => throw new InvalidOperationException($"{c.Name}: no generated parse for {c.Type}"),
        };
        if (c.Default is { } fallback) value = $"CASE WHEN is_blank({r}) THEN {fallback} ELSE {value} END";
        return (value, c.Type is ColumnType.Date or ColumnType.Timestamp or ColumnType.Int or ColumnType.Enum or ColumnType.YesNo);
    }

    /// <summary>The standard checks of one column in the order they apply, and what holds when none fires.</summary>
    private static (List<Check> Checks, string? Ok) Checks(FeedColumn c)
    {
        var p = $"p.{c.TypedName}";
        var raw = $"p.raw_{c.Name}";
        var label = $"'{c.ChineseHeader}'";
        var col = $"'{c.Name}'";
        var checks = new List<Check>();
        string? ok = null;
        switch (c.Type)
        {
            case ColumnType.Code or ColumnType.Text:
                if (c.Required) checks.Add(new($"is_blank({p})", $"missing_problem({col}, {label})"));
                if (c.References is { } target)
                {
                    var key = $"ref_{c.Name}.{target.Key.Name}";
                    checks.Add(new(c.Required ? $"{key} IS NULL" : $"{p} IS NOT NULL AND {key} IS NULL",
                        $"missing_reference_problem({col}, {label}, {p}, '{target.Name}', '{target.ChineseName}')"));
                    ok = c.Required ? $"{key} IS NOT NULL" : $"({p} IS NULL OR {key} IS NOT NULL)";
                }
                else if (c.Required) ok = $"{p} <> ''";
                break;
            case ColumnType.Date or ColumnType.Timestamp:
                var bad = c.Type == ColumnType.Date ? "bad_date_problem" : "bad_timestamp_problem";
                if (c.Required)
                {
                    checks.Add(new($"is_blank({raw})", $"missing_problem({col}, {label})"));
                    checks.Add(new($"{p} IS NULL", $"{bad}({col}, {label}, {raw})"));
                }
                else checks.Add(new($"NOT is_blank({raw}) AND {p} IS NULL", $"{bad}({col}, {label}, {raw})"));
                var (early, late) = c.Type == ColumnType.Date ? ("b.earliest", "b.latest") : ("b.from_at", "b.until_at");
                var (tooEarly, tooLate, inside) = c.Type == ColumnType.Date
                    ? ($"{p} < {early}", $"{p} > {late}", $"{p} >= {early} AND {p} <= {late}")
                    : ($"{p} < {early}", $"{p} >= {late}", $"{p} >= {early} AND {p} < {late}");
                var (fires, holds) = c.Bounds switch
                {
                    DateBounds.Both => ($"{tooEarly} OR {tooLate}", inside),
                    DateBounds.UpperOnly => (tooLate, c.Type == ColumnType.Date ? $"{p} <= {late}" : $"{p} < {late}"),
                    _ => ((string?)null, (string?)null),
                };
                if (fires is not null)
                    checks.Add(new(fires, $"out_of_range_problem({col}, {label}, {raw}, b.earliest, b.latest)"));
                ok = c.Required
                    ? holds is null ? $"{p} IS NOT NULL" : $"{p} IS NOT NULL AND {holds}"
                    : $"({p} IS NOT NULL OR {raw} IS NULL)" + (holds is null ? "" : $" AND ({p} IS NULL OR {holds})");
                break;
            case ColumnType.Int:
                var badNumber = $"bad_number_problem({col}, {label}, {raw}, {c.Least})";
                if (c.Required)
                {
                    checks.Add(new($"is_blank({raw})", $"missing_problem({col}, {label})"));
                    checks.Add(new($"{p} IS NULL OR {p} < {c.Least}", badNumber));
                    ok = $"{p} >= {c.Least}";
                }
                else
                {
                    checks.Add(new($"NOT is_blank({raw}) AND ({p} IS NULL OR {p} < {c.Least})", badNumber));
                    ok = $"({p} >= {c.Least} OR {raw} IS NULL)";
                }
                break;
            case ColumnType.Enum or ColumnType.YesNo:
                var badEnum = $"bad_enum_problem({col}, {label}, {raw}, '{c.Domain}')";
                if (c.Required)
                {
                    checks.Add(new($"is_blank({raw})", $"missing_problem({col}, {label})"));
                    checks.Add(new($"{p} IS NULL", badEnum));
                    ok = $"{p} IS NOT NULL";
                }
                else
                {
                    checks.Add(new($"NOT is_blank({raw}) AND {p} IS NULL", badEnum));
                    ok = $"({p} IS NOT NULL OR {raw} IS NULL)";
                }
                break;
        }
        return (checks, ok);
    }

    /// <summary>A key seen earlier in the same file rejects every later row carrying it; only a problem with the key
    /// itself stands before it. Keys are grouped only where their 64-bit hash repeats, which halves this step for
    /// millions of cases (a hash collision costs a little work, never a false duplicate).</summary>
    private static string Duplicates(Feed feed)
    {
        var key = feed.Key.TypedName;
        return $"""
            UPDATE typed SET problem = duplicate_problem('{feed.Key.Name}', '{feed.Key.ChineseHeader}', d.first_row)
            FROM (SELECT {key}, min(row_no) AS first_row
                  FROM typed SEMI JOIN (SELECT hash({key}) AS h FROM typed GROUP BY 1 HAVING count(*) > 1) AS r ON hash(typed.{key}) = r.h
                  GROUP BY 1 HAVING count(*) > 1) AS d
            WHERE typed.{key} = d.{key} AND typed.row_no > d.first_row AND coalesce(problem_column(typed.problem), '') <> '{feed.Key.Name}';
            """;
    }
}
