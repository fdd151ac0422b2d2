using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Ingest;

/// <summary>What `status` says of the feeds, from the spec: each feed that keeps a table, its row count and its
/// columns by their Chinese headers, so a feed or column added to the spec shows there with nothing else to edit.</summary>
public static class FeedStatus
{
    public static IEnumerable<string> Lines(DuckDBConnection connection, IEnumerable<Feed> feeds) =>
        feeds.Where(f => f.Table is not null).Select(f =>
            Messages.StatusFeedRows(f.ChineseName, connection.ExecuteScalar<long>($"SELECT count(*) FROM {f.Table}"),
                f.Columns.Select(c => c.ChineseHeader)));
}
