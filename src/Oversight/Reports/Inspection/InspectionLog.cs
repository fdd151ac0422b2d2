using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Reports.Inspection;

/// <summary>Records every generation of an inspection plan: who, when, for whom, which files, and what it proposed.</summary>
public static class InspectionLog
{
    // File names are Chinese; keep them readable in the log rather than \u-escaped.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static long Record(DuckDBConnection c, InspectionBriefingBuilder.Result result, string recipient, string generatedBy,
        DateTime generatedAt, string folder, IReadOnlyList<string> files)
    {
        var month = result.Month;
        using var tx = c.BeginTransaction();
        var planId = c.ExecuteScalar<long>("""
            INSERT INTO inspection_plan (month, generated_at, generated_by, recipient, folder, files)
            VALUES ($month, $at, $by, $recipient, $folder, $files) RETURNING plan_id
            """, new
        {
            month = month.ToDateTime(TimeOnly.MinValue), at = generatedAt, by = generatedBy, recipient,
            folder = Path.GetFullPath(folder), files = JsonSerializer.Serialize(files.Select(Path.GetFullPath), Json),
        }, tx);
        foreach (var (p, center) in result.Plan.Proposals.Zip(result.Briefing.Centers))
            c.Execute("""
                INSERT INTO inspection_plan_item (plan_id, month, position, center_code, window_codes, basis, evidence_key, priority)
                VALUES ($plan, $month, $position, $center, $windows, $basis, $key, $priority)
                """, new
            {
                plan = planId, month = month.ToDateTime(TimeOnly.MinValue), position = p.Position, center = p.CenterCode,
                windows = JsonSerializer.Serialize(center.Windows.Select(w => w.Code), Json), basis = p.Basis, key = p.EvidenceKey, priority = p.Priority,
            }, tx);
        tx.Commit();
        return planId;
    }

    /// <summary>"user@host", for the log.</summary>
    public static string CurrentOperator() => $"{Environment.UserName}@{Environment.MachineName}";
}
