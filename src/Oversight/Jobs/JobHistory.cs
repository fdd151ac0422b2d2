using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Jobs;

/// <summary>The job_run table: every run with its scheduled time, outcome, counts and error.</summary>
public static class JobHistory
{
    public const string Nightly = "nightly";
    public const string Monthly = "monthly";

    // Counts carry Chinese notes and file names; keep them readable in status rather than \u-escaped.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static long Start(DuckDBConnection c, string job, DateTime scheduledFor, string trigger) =>
        c.ExecuteScalar<long>("""
            INSERT INTO job_run (job, scheduled_for, trigger, started_at, outcome, host, pid)
            VALUES ($job, $scheduledFor, $trigger, now()::TIMESTAMP, 'running', $host, $pid)
            RETURNING run_id
            """, new { job, scheduledFor, trigger, host = Environment.MachineName, pid = Environment.ProcessId });

    public static void Finish(DuckDBConnection c, long runId, string outcome, object? counts, string? error) =>
        c.Execute("UPDATE job_run SET finished_at = now()::TIMESTAMP, outcome = $outcome, counts = $counts, error = $error WHERE run_id = $runId",
            new { runId, outcome, counts = counts is null ? null : JsonSerializer.Serialize(counts, Json), error });

    /// <summary>A run's counts as a Chinese sentence for status (the stored JSON is for tools, not for people).</summary>
    public static string Sentence(string job, string? counts)
    {
        if (string.IsNullOrWhiteSpace(counts)) return "";
        try
        {
            var c = JsonDocument.Parse(counts).RootElement;
            long N(string name) => c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
            if (job == Monthly)
            {
                var files = c.TryGetProperty("Files", out var f) && f.ValueKind == JsonValueKind.Array ? f.GetArrayLength() : 0;
                var month = c.TryGetProperty("Month", out var m) ? m.GetString() : null;
                return Messages.MonthlyRunDone(month, files);
            }
            var retrained = c.TryGetProperty("Retrained", out var r) && r.ValueKind == JsonValueKind.True;
            IReadOnlyList<string> notes = c.TryGetProperty("Notes", out var n) && n.ValueKind == JsonValueKind.Array
                ? [.. n.EnumerateArray().Select(x => x.GetString() ?? "")]
                : [];
            return Messages.NightlyRunDone(N("FilesLoaded"), N("FilesSetAside"), N("RowsLoaded"), N("RowsRejected"), retrained, N("FlagsScored"), notes);
        }
        catch (JsonException)
        {
            return "";
        }
    }

    /// <summary>Runs left 'running' by a process that is gone. Only called by the holder of the writer lock, so
    /// no run of another process can still be going.</summary>
    public static int MarkInterrupted(DuckDBConnection c) =>
        c.Execute("UPDATE job_run SET outcome = 'interrupted', finished_at = now()::TIMESTAMP, error = $error WHERE outcome = 'running'",
            new { error = Messages.JobInterruptedReason });

    /// <summary>The latest scheduled time a run has dealt with: succeeded, or failed for a reason retrying at start-up
    /// would not fix. Interrupted and cancelled runs do not count, so they are done again.</summary>
    public static DateTime? LastCovered(DuckDBConnection c, string job) =>
        c.ExecuteScalar<DateTime?>("SELECT max(scheduled_for) FROM job_run WHERE job = $job AND outcome IN ('succeeded', 'failed')", new { job });
}
