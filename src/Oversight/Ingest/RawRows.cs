using System.Text;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Ingest;

/// <summary>Defines the temp views raw_csv (DuckDB's read_csv over the decoded UTF-8 file) and
/// raw_rows(row_no, canonical columns as text). Nothing is read until the loader's typed step scans raw_rows, once:
/// a staged copy of the raw text would cost a full extra write of the file, and past the memory limit a spill to disk.
/// Row numbers (header = row 1) come with the decoded file (<see cref="TextCsv"/>): numbering in SQL would need a
/// window over the whole file, which does not spill.</summary>
public static class RawRows
{
    public static void Define(DuckDBConnection connection, Feed feed, ColumnMap map, string csvPath)
    {
        var fileColumns = map.FileColumns.Select((c, i) => $"c{i}").ToList();
        var columnsStruct = "{'row_no': 'BIGINT', " + string.Join(", ", fileColumns.Select(c => $"'{c}': 'VARCHAR'")) + "}";
        var select = new StringBuilder();
        foreach (var column in feed.Columns)
        {
            var index = map.FileColumns.ToList().IndexOf(column.Name);
            if (index < 0) { select.Append($", CAST(NULL AS VARCHAR) AS {column.Name}"); continue; }
            var value = map.ValueMaps[index] is { } values ? Mapped($"c{index}", values) : $"c{index}";
            // Free text is de-identified here, in the one scan of the loader's typed step, before anything is stored.
            if (column.FreeText) value = $"{Privacy.FreeTextMask.SqlFunction}({value})";
            select.Append($", {value} AS {column.Name}");
        }
        // Rows with every cell blank (the ",,,," lines Excel leaves at the end) are dropped here. A row whose first
        // cell has text is kept at once; only the rest pay for the concat over all cells (most of the filter's cost).
        var notBlank = $"CASE WHEN trim(c0) <> '' THEN true ELSE trim(concat({string.Join(", ", fileColumns)})) <> '' END";
        connection.Execute($"""
            CREATE OR REPLACE TEMP VIEW raw_csv AS
            SELECT * FROM read_csv('{csvPath.Replace("'", "''")}', header = true, auto_detect = false, delim = ',',
                                   quote = '"', escape = '"', strict_mode = true, skip = {map.SkipRecords}, columns = {columnsStruct})
            WHERE {notBlank}
            """);
        connection.Execute($"""
            CREATE OR REPLACE TEMP VIEW raw_rows AS
            SELECT row_no{select} FROM raw_csv
            """);
    }

    /// <summary>A header profile's value map (code → contract value); other values pass unchanged, to be checked as
    /// sent. The key "" maps a blank cell.</summary>
    private static string Mapped(string cell, IReadOnlyDictionary<string, string> values)
    {
        static string Lit(string s) => "'" + s.Replace("'", "''") + "'";
        var codes = values.Where(v => v.Key.Length > 0).ToList();
        var mapped = codes.Count == 0 ? cell
            : $"CASE trim({cell}) {string.Join(" ", codes.Select(v => $"WHEN {Lit(v.Key)} THEN {Lit(v.Value)}"))} ELSE {cell} END";
        return values.TryGetValue("", out var blank) ? $"CASE WHEN is_blank({cell}) THEN {Lit(blank)} ELSE {mapped} END" : mapped;
    }

    /// <summary>A read_csv error raised while a loader scans raw_rows: the file itself is malformed.</summary>
    public static bool IsMalformed(DuckDBException ex) => LoadErrors.IsCsvError(ex);

    public static FileSetAside Malformed(DuckDBException ex) => LoadErrors.Explain(ex);
}
