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
        var name = Messages.InCountyFolder($"{Configuration.CountyFolder.SeedsDir}/{Path.GetFileName(own)}");
        var columns = Columns(c, tx, shipped);
        List<string> ownColumns;
        try { ownColumns = Columns(c, tx, own); }
        catch (DuckDBException ex)
        {
            throw new WarehouseException(Messages.SeedUnreadable(name, ex.Message), ex);
        }
        if (!ownColumns.Order(StringComparer.Ordinal).SequenceEqual(columns.Order(StringComparer.Ordinal)))
            throw new WarehouseException(Messages.SeedHeaderWrong(name, columns, ownColumns));
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
            if (string.IsNullOrWhiteSpace(row.Key)) throw new WarehouseException(Messages.SeedKeyEmpty(name, row.Line, columns[0]));
            if (!known.Contains(row.Key))
                throw new WarehouseException(Messages.SeedKeyUnknown(name, row.Line, columns[0], row.Key, known.Order(StringComparer.Ordinal)));
            if (seen.TryGetValue(row.Key, out var first)) throw new WarehouseException(Messages.SeedKeyTwice(name, row.Line, row.Key, first));
            seen[row.Key] = row.Line;
            // A number that ships as a number stays one: a view casting it would fail far from this file.
            if (row.Shipped is { } s && double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out _)
                && !double.TryParse(row.Value, System.Globalization.CultureInfo.InvariantCulture, out _))
                throw new WarehouseException(Messages.SeedValueNotNumber(name, row.Line, row.Key, s, row.Value));
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
