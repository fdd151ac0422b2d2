using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Warehouse;

/// <summary>
/// Materialises the case and metric views once per connection as temporary tables of the same names. DuckDB
/// resolves an unqualified name to a temporary object first, views included, so everything read afterwards on
/// this connection (report queries, later marts built on earlier ones) reads each layer once instead of
/// re-deriving it from the facts for every query. The definitions stay the views in sql/; nothing is persisted,
/// and disposing drops the tables, so nothing later on the connection reads a stale copy.
/// </summary>
public sealed class MartCache : IDisposable
{
    private readonly DuckDBConnection _connection;

    /// <summary>In dependency order: each is built from the ones before it.</summary>
    private static readonly string[] Layers =
    [
        "core_case", "mart_window_month_cases", "mart_period_cases", "mart_period_complaints", "mart_period_callbacks",
        "mart_period_video", "mart_period_visits", "mart_period_center", "mart_period_change",
    ];

    private MartCache(DuckDBConnection connection) => _connection = connection;

    public static MartCache Materialize(DuckDBConnection connection)
    {
        var cache = new MartCache(connection);
        try
        {
            foreach (var view in Layers)
                connection.Execute($"CREATE OR REPLACE TEMP TABLE {view} AS SELECT * FROM main.{view}");
            return cache;
        }
        catch
        {
            cache.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var view in Layers.Reverse())
            _connection.Execute($"DROP TABLE IF EXISTS temp.{view}");
    }
}
