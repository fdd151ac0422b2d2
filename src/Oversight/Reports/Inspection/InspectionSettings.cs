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
                : throw new ReportException(Messages.InspectionSettingMissing(key));
        var weights = WeightKeys.Select(k => new PriorityWeight(k, Number(k), rows[k].Label ?? k)).ToList();
        if (weights.Sum(w => w.Weight) <= 0) throw new ReportException(Messages.InspectionWeightsZero);
        var minChecks = (int)Number("timing_min_checks");
        if (minChecks < 1) throw new ReportException(Messages.InspectionMinChecksTooSmall);
        return new InspectionSettings(weights, minChecks);
    }

    /// <summary>The priority's formula as facts, from the weights above (worded by inspection/sentences.sbn's
    /// priority_formula): the weights in use, formatted, beside their labels, and their sum.</summary>
    public PriorityFormulaFacts Formula =>
        new(Weights.Where(w => w.Weight > 0).Select(w => new PriorityTerm(W(w.Weight), w.Label)).ToList(), W(Weights.Sum(w => w.Weight)));

    private static string W(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>The priority's formula: each weight (formatted) and its label, and the most a priority can be.</summary>
public sealed record PriorityFormulaFacts(IReadOnlyList<PriorityTerm> Terms, string Total);

public sealed record PriorityTerm(string Weight, string Label);
