using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Reports.Inspection;

/// <summary>
/// Moves plans an older warehouse still holds (tables inspection_plan, inspection_plan_item from V051) into the
/// restricted store, before migration V090 drops those tables. Only the commands that know the restricted folder
/// (`report inspection`, `serve`) can do it, so they call this before upgrading the warehouse.
/// </summary>
public static class InspectionPlanUpgrade
{
    /// <summary>Moves the rows (once: plans already moved are recognised by their warehouse id) and returns how many
    /// plans were moved. Does nothing on a warehouse without the old tables.</summary>
    public static int MoveOut(DuckDBConnection c, InspectionPlanStore store)
    {
        var hasTables = c.ExecuteScalar<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('inspection_plan', 'inspection_plan_item')") == 2;
        if (!hasTables) return 0;

        var plans = c.Query<LegacyPlan>(
            "SELECT plan_id, month, generated_at, generated_by, recipient, folder, files FROM inspection_plan ORDER BY plan_id").ToList();
        if (plans.Count == 0) return 0;
        var items = c.Query<LegacyItem>(
            "SELECT plan_id, position, center_code, window_codes, basis, evidence_key, priority FROM inspection_plan_item ORDER BY plan_id, position")
            .ToLookup(i => i.PlanId);
        var moved = store.Load().Select(p => p.WarehousePlanId).OfType<long>().ToHashSet();
        var added = store.Append(plans.Where(p => !moved.Contains(p.PlanId)).Select(p => new StoredPlan(
            PlanId: 0,
            Month: p.Month,
            GeneratedAt: p.GeneratedAt,
            // The old log recorded the operating-system account; keep it as the account, not as the issuer.
            GeneratedBy: "",
            Account: p.GeneratedBy,
            Recipient: p.Recipient,
            Folder: p.Folder,
            Files: JsonArray(p.Files),
            Items: items[p.PlanId].Select(i => new StoredPlanItem(i.Position, i.CenterCode, JsonArray(i.WindowCodes), i.Basis, i.EvidenceKey, i.Priority)).ToList(),
            WarehousePlanId: p.PlanId)).ToList());
        return added.Count;
    }

    private static IReadOnlyList<string> JsonArray(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private sealed class LegacyPlan
    {
        public long PlanId { get; set; }
        public DateOnly Month { get; set; }
        public DateTime GeneratedAt { get; set; }
        public string GeneratedBy { get; set; } = "";
        public string Recipient { get; set; } = "";
        public string Folder { get; set; } = "";
        public string? Files { get; set; }
    }

    private sealed class LegacyItem
    {
        public long PlanId { get; set; }
        public int Position { get; set; }
        public string CenterCode { get; set; } = "";
        public string? WindowCodes { get; set; }
        public string Basis { get; set; } = "";
        public string EvidenceKey { get; set; } = "";
        public double Priority { get; set; }
    }
}
