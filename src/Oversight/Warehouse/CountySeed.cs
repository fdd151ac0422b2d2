using System.Data;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Warehouse;

/// <summary>A seed the county has its own copy of (<see cref="Configuration.CountyFolder"/>): its rows replace the shipped
/// rows with the same key (the first column), and shipped rows it lacks stay, so a setting added by an upgrade is in
/// force even in a county that copied the file before. Checked first, with the file, row and column named.</summary>
internal static class CountySeed
{
    public static string Select(DuckDBConnection c, IDbTransaction tx, string shipped, string own)
    {
        var name = $"本县设置文件夹中的 {Configuration.CountyFolder.SeedsDir}/{Path.GetFileName(own)}";
        var columns = Columns(c, tx, shipped);
        List<string> ownColumns;
        try { ownColumns = Columns(c, tx, own); }
        catch (DuckDBException ex)
        {
            throw new WarehouseException($"{name} 无法读取（应为 UTF-8 编码的 CSV，第一行是表头）：{ex.Message}", ex);
        }
        if (!ownColumns.Order(StringComparer.Ordinal).SequenceEqual(columns.Order(StringComparer.Ordinal)))
            throw new WarehouseException($"{name} 第 1 行（表头）应为“{string.Join(",", columns)}”，与程序自带的同名文件相同；实为“{string.Join(",", ownColumns)}”。");
        var key = Quote(columns[0]);
        var rows = c.Query<(string? Key, string? Value, string? Shipped, long Line)>($"""
            SELECT o.{key}, {(columns.Contains("value") ? "o.value" : "NULL")}, {(columns.Contains("value") ? "s.value" : "NULL")}, o.line__
            FROM (SELECT *, row_number() OVER () + 1 AS line__ FROM ({Migrator.ReadCsv(own)})) o
            LEFT JOIN ({Migrator.ReadCsv(shipped)}) s ON s.{key} = o.{key}
            ORDER BY o.line__
            """, transaction: tx).ToList();
        var known = c.Query<string>($"SELECT {key} FROM ({Migrator.ReadCsv(shipped)})", transaction: tx).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var where = $"{name} 第 {row.Line} 行";
            if (string.IsNullOrWhiteSpace(row.Key)) throw new WarehouseException($"{where}第 1 列（{columns[0]}）是空的。");
            if (!known.Contains(row.Key))
                throw new WarehouseException($"{where}第 1 列（{columns[0]}）：程序没有“{row.Key}”这一项，可能是拼写错误或已停用；可用的有：{string.Join("、", known.Order(StringComparer.Ordinal))}。");
            if (seen.TryGetValue(row.Key, out var first)) throw new WarehouseException($"{where}：“{row.Key}”与第 {first} 行重复，每项只能写一次。");
            seen[row.Key] = row.Line;
            // A number that ships as a number stays one: a view casting it would fail far from this file.
            if (row.Shipped is { } s && double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _)
                && !double.TryParse(row.Value, System.Globalization.CultureInfo.InvariantCulture, out _))
                throw new WarehouseException($"{where} value 列：“{row.Key}”的值应为数字（程序自带的值为 {s}），实为“{row.Value}”。");
        }
        var list = string.Join(", ", columns.Select(Quote));
        return $"""
            SELECT {list} FROM (
                SELECT o.*, s.n__ FROM ({Migrator.ReadCsv(own)}) o
                JOIN (SELECT {key} AS k__, row_number() OVER () AS n__ FROM ({Migrator.ReadCsv(shipped)})) s ON o.{key} = s.k__
                UNION ALL BY NAME
                SELECT * FROM (SELECT *, row_number() OVER () AS n__ FROM ({Migrator.ReadCsv(shipped)}))
                WHERE {key} NOT IN (SELECT {key} FROM ({Migrator.ReadCsv(own)}))
            ) ORDER BY n__
            """;
    }

    private static List<string> Columns(DuckDBConnection c, IDbTransaction tx, string path) =>
        c.Query<string>($"SELECT column_name FROM (DESCRIBE {Migrator.ReadCsv(path)})", transaction: tx).ToList();

    private static string Quote(string column) => "\"" + column.Replace("\"", "\"\"") + "\"";
}
