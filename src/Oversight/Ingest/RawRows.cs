using System.Text;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Ingest;

/// <summary>Scans a UTF-8 CSV with DuckDB's read_csv into the temp table raw_rows(row_no, canonical columns as text).
/// Row numbers are as a spreadsheet shows them: the header is row 1.</summary>
public static class RawRows
{
    public static void Load(DuckDBConnection connection, DuckDBTransaction tx, Feed feed, ColumnMap map, string csvPath)
    {
        var fileColumns = map.FileColumns.Select((c, i) => $"c{i}").ToList();
        var columnsStruct = "{" + string.Join(", ", fileColumns.Select(c => $"'{c}': 'VARCHAR'")) + "}";
        var select = new StringBuilder();
        foreach (var column in feed.Columns)
        {
            var index = map.FileColumns.ToList().IndexOf(column.Name);
            select.Append(index >= 0 ? $", c{index} AS {column.Name}" : $", CAST(NULL AS VARCHAR) AS {column.Name}");
        }
        var allBlank = string.Join(" AND ", fileColumns.Select(c => $"coalesce(trim({c}), '') = ''"));
        var sql = $"""
            CREATE OR REPLACE TEMP TABLE raw_rows AS
            SELECT * EXCLUDE (all_blank) FROM (
                SELECT row_number() OVER () + 1 AS row_no{select}, {allBlank} AS all_blank
                FROM read_csv('{csvPath.Replace("'", "''")}', header = true, auto_detect = false, delim = ',',
                              quote = '"', escape = '"', strict_mode = true, columns = {columnsStruct})
            ) WHERE NOT all_blank
            """;
        try
        {
            connection.Execute(sql, transaction: tx);
        }
        catch (DuckDBException ex)
        {
            throw new FileSetAside($"CSV 格式错误，整个文件无法读取（可能文件被截断、引号不配对或列数不一致）：{FirstLine(ex.Message)}");
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}
