using System.Text;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Ingest;

/// <summary>Scans a UTF-8 CSV with DuckDB's read_csv into the temp table raw_csv and exposes it as the temp view
/// raw_rows(row_no, canonical columns as text). Row numbers (header = row 1) come with the decoded file
/// (<see cref="TextCsv"/>): numbering in SQL would need a window over the whole file, which does not spill.</summary>
public static class RawRows
{
    public static void Load(DuckDBConnection connection, Feed feed, ColumnMap map, string csvPath)
    {
        var fileColumns = map.FileColumns.Select((c, i) => $"c{i}").ToList();
        var columnsStruct = "{'row_no': 'BIGINT', " + string.Join(", ", fileColumns.Select(c => $"'{c}': 'VARCHAR'")) + "}";
        var select = new StringBuilder();
        foreach (var column in feed.Columns)
        {
            var index = map.FileColumns.ToList().IndexOf(column.Name);
            select.Append(index >= 0 ? $", c{index} AS {column.Name}" : $", CAST(NULL AS VARCHAR) AS {column.Name}");
        }
        // Rows with every cell blank (the ",,,," lines Excel leaves at the end) are dropped once, while staging;
        // one concat and one trim per row, not one per cell.
        var allBlank = $"trim(concat({string.Join(", ", fileColumns)})) = ''";
        try
        {
            connection.Execute($"""
                CREATE OR REPLACE TEMP TABLE raw_csv AS
                SELECT * FROM read_csv('{csvPath.Replace("'", "''")}', header = true, auto_detect = false, delim = ',',
                                       quote = '"', escape = '"', strict_mode = true, columns = {columnsStruct})
                WHERE NOT ({allBlank})
                """);
        }
        catch (DuckDBException ex)
        {
            throw Malformed(ex);
        }
        connection.Execute($"""
            CREATE OR REPLACE TEMP VIEW raw_rows AS
            SELECT row_no{select} FROM raw_csv
            """);
    }

    private static FileSetAside Malformed(DuckDBException ex) =>
        new($"CSV 格式错误，整个文件无法读取（可能文件被截断、引号不配对或列数不一致）：{FirstLine(ex.Message)}");

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }
}
