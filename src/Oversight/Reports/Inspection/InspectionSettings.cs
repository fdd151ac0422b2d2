using System.Globalization;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Reports.Inspection;

/// <summary>One term of the priority: its setting key, weight and the words the briefing prints for it.</summary>
public sealed record PriorityWeight(string Key, double Weight, string Label);

/// <summary>
/// The inspection plan's settings (sql/seeds/inspection_settings.csv, read by SQL as core_inspection_setting):
/// the priority weights and the sample a timing advice needs. The printed formula is built here from the same rows
/// the SQL computes with, so changing a weight changes both.
/// </summary>
public sealed record InspectionSettings(IReadOnlyList<PriorityWeight> Weights, int TimingMinChecks)
{
    /// <summary>The weights candidates.sql reads, in the order the formula prints them.</summary>
    public static readonly string[] WeightKeys =
        ["weight_center_flag", "weight_window_flag", "weight_red_warnings", "weight_upheld_complaints", "weight_video_violations"];

    public static InspectionSettings Load(DuckDBConnection c)
    {
        var rows = c.Query<(string Key, string Value, string? Label)>("SELECT key, value, label FROM seed_inspection_settings")
            .ToDictionary(r => r.Key);
        double Number(string key) =>
            rows.TryGetValue(key, out var r) && double.TryParse(r.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? v
                : throw new ReportException($"暗访设置 sql/seeds/inspection_settings.csv 中缺少“{key}”或其值不是非负数。");
        var weights = WeightKeys.Select(k => new PriorityWeight(k, Number(k), rows[k].Label ?? k)).ToList();
        if (weights.Sum(w => w.Weight) <= 0) throw new ReportException("暗访设置 sql/seeds/inspection_settings.csv 中线索强度的权重全为 0。");
        var minChecks = (int)Number("timing_min_checks");
        if (minChecks < 1) throw new ReportException("暗访设置 timing_min_checks 至少为 1。");
        return new InspectionSettings(weights, minChecks);
    }

    /// <summary>The priority as the briefing prints it, from the weights above.</summary>
    public string PriorityFormula
    {
        get
        {
            var terms = Weights.Where(w => w.Weight > 0).Select(w => $"{W(w.Weight)} × {w.Label}");
            return $"线索强度 = {string.Join(" + ", terms)}；每项先除以全县当月最高值（取值 0～1），线索强度取值 0～{W(Weights.Sum(w => w.Weight))}。";
        }
    }

    private static string W(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
