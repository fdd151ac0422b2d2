using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Ingest;

/// <summary>Loads one decoded file in two phases. <see cref="Stage"/> builds the session's temp table of
/// typed rows with their problems outside any transaction, so DuckDB can spill it to disk when a file is larger
/// than memory; it is never durable. <see cref="Apply"/> then writes rejects and upserts inside the caller's
/// transaction, which commits together with the file's load record.</summary>
public static class FeedLoader
{
    /// <summary>Counts from staging, and the loader's upsert step to run when the file is accepted.</summary>
    public sealed record Staged(string UpsertSql, long RowsRead, long RowsRejected, bool OverThreshold);

    public static Staged Stage(DuckDBConnection connection, Feed feed, ColumnMap map, TextCsv csv, long fileId, string fileName,
        double rejectThreshold, DateTime? exportedAt = null, int rejectThresholdMinRows = 0)
    {
        // exported_at: when the file was exported (InboxOrder), so a fact row without updated_at is replaced only by a
        // later export, also when an older one is re-sent in a later run.
        connection.Execute(
            "CREATE OR REPLACE TEMP TABLE load_ctx AS SELECT CAST($id AS BIGINT) AS file_id, CAST($name AS VARCHAR) AS file_name, " +
            "CAST($exported AS TIMESTAMP) AS exported_at",
            new { id = fileId, name = Privacy.FreeTextMask.Mask(fileName), exported = exportedAt ?? DateTime.Now });
        RawRows.Define(connection, feed, map, csv.Path);
        // Build typed, then mark rows whose key came earlier in the file (generated from the feed spec where it can be).
        var steps = LoaderSql.For(feed);
        try
        {
            connection.Execute(steps.Stage);
        }
        catch (DuckDBException ex) when (RawRows.IsMalformed(ex))
        {
            throw RawRows.Malformed(ex);
        }
        connection.Execute("DROP VIEW IF EXISTS raw_rows; DROP VIEW IF EXISTS raw_csv;");
        RejectPersonalIds(connection, feed);
        var (read, rejected, waiting) = connection.QuerySingle<(long, long, long)>(
            "SELECT count(*), count(problem), count(*) FILTER (WHERE problem_kind(problem) = 'missing_reference') FROM typed");
        // The minimum row count spares a small file's good rows from one typo; rows that wait for a reference feed are
        // no mistake of the sender's, so such a file waits whole, whatever its size, and loads when sent again.
        return new Staged(steps.Upsert, read, rejected,
            read > 0 && rejected > rejectThreshold * read && (read >= rejectThresholdMinRows || waiting > 0));
    }

    /// <summary>An id that is a phone or ID number would carry the person into every list and annex that names the
    /// record: such a row is rejected whatever else is wrong with it (the reason does not quote the value).</summary>
    private static void RejectPersonalIds(DuckDBConnection connection, Feed feed)
    {
        var typed = connection.Query<string>("SELECT column_name FROM duckdb_columns() WHERE database_name = 'temp' AND table_name = 'typed'").ToHashSet();
        foreach (var column in feed.Columns.Where(c => c.IsRecordId && typed.Contains(c.Name)))
            connection.Execute(
                $"UPDATE typed SET problem = personal_id_problem('{column.Name}') WHERE {Privacy.FreeTextMask.IdSqlFunction}({column.Name})");
    }

    public static void Apply(DuckDBConnection connection, DuckDBTransaction tx, Staged staged)
    {
        connection.Execute(SqlFiles.Read("ingest/reject_rows.sql"), transaction: tx);
        if (!staged.OverThreshold) connection.Execute(staged.UpsertSql, transaction: tx);
    }

    public static void Clear(DuckDBConnection connection) =>
        connection.Execute("DROP VIEW IF EXISTS raw_rows; DROP VIEW IF EXISTS raw_csv; DROP TABLE IF EXISTS typed; DROP TABLE IF EXISTS load_ctx;");
}
