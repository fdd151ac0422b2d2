using System.Runtime.CompilerServices;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Warehouse;

/// <summary>
/// Materialises the case and metric views once per connection as temporary tables of the same names. DuckDB
/// resolves an unqualified name to a temporary object first, views included, so everything read afterwards on
/// this connection (report queries, later marts built on earlier ones) reads each layer once instead of
/// re-deriving it from the facts for every query. The definitions stay the views in sql/; nothing is persisted,
/// and disposing the outermost cache drops the tables, so nothing later on the connection reads a stale copy.
/// A cache asked for while one is open on the connection (a briefing that reads the month's named problems, the
/// demo's year of proposals) shares it: the facts cannot change under a read.
/// </summary>
public sealed class MartCache : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly bool _owner;
    private bool _disposed;

    /// <summary>Connections with a cache open now.</summary>
    private static readonly ConditionalWeakTable<DuckDBConnection, object> Open = new();

    /// <summary>In dependency order: each is built from the ones before it.</summary>
    private static readonly string[] Layers =
    [
        "core_case", "mart_window_month_cases", "mart_period_cases", "mart_period_complaints", "mart_period_callbacks",
        "mart_period_video", "mart_period_visits", "mart_period_center", "mart_period_change", "mart_month_backfill",
        "mart_month_bad_rating",
    ];

    private MartCache(DuckDBConnection connection, bool owner) => (_connection, _owner) = (connection, owner);

    public static MartCache Materialize(DuckDBConnection connection)
    {
        if (Open.TryGetValue(connection, out _)) return new MartCache(connection, owner: false);
        var cache = new MartCache(connection, owner: true);
        Open.Add(connection, cache);
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
        if (!_owner || _disposed) return;
        _disposed = true;
        Open.Remove(_connection);
        foreach (var view in Layers.Reverse())
            _connection.Execute($"DROP TABLE IF EXISTS temp.{view}");
    }
}
