using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Ingest;

/// <summary>Loads one decoded file inside the caller's transaction: raw scan, typed checks, rejects, upsert.</summary>
public static class FeedLoader
{
    public sealed record Result(long RowsRead, long RowsRejected, bool OverThreshold);

    public static Result Load(DuckDBConnection connection, DuckDBTransaction tx, Feed feed, ColumnMap map,
        TextCsv csv, long fileId, string fileName, double rejectThreshold)
    {
        connection.Execute(
            "CREATE OR REPLACE TEMP TABLE load_ctx AS SELECT CAST($id AS BIGINT) AS file_id, CAST($name AS VARCHAR) AS file_name",
            new { id = fileId, name = fileName }, tx);
        RawRows.Load(connection, tx, feed, map, csv.Path);

        var loader = SqlFiles.Read(feed.LoaderSql);
        var steps = loader.Split("-- step: upsert", StringSplitOptions.TrimEntries);
        connection.Execute(steps[0], transaction: tx);

        var (read, rejected) = connection.QuerySingle<(long, long)>(
            "SELECT count(*), count(problem) FROM typed", transaction: tx);
        connection.Execute(SqlFiles.Read("ingest/reject_rows.sql"), transaction: tx);
        var over = read > 0 && rejected > rejectThreshold * read;
        if (!over) connection.Execute(steps[1], transaction: tx);

        connection.Execute("DROP TABLE IF EXISTS typed; DROP VIEW IF EXISTS raw_rows; DROP TABLE IF EXISTS raw_csv; DROP TABLE IF EXISTS load_ctx;", transaction: tx);
        return new Result(read, rejected, over);
    }
}
