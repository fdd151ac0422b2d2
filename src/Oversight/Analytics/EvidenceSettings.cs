using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Analytics;

/// <summary>The flags' thresholds from sql/seeds/metric_settings.csv (read through feat_flag_setting, the same row the
/// label and the shrinkage use): the evidence a reason or a listing needs, the strong evidence that always enters the
/// visit plan, and how many months of backtest choose the ranking basis.</summary>
public sealed record EvidenceSettings(double Alpha, double StrongAlpha, int RankingMonths, int MinLate, double Margin)
{
    public static readonly EvidenceSettings Default = new(0.01, 0.0001, 12, 2, 0.08);

    public static EvidenceSettings Load(DuckDBConnection c)
    {
        var row = c.QueryFirstOrDefault<(double? Alpha, double? Strong, int? Months, int? MinLate, double? Margin)>(
            "SELECT evidence_alpha, strong_evidence_alpha, ranking_backtest_months, overdue_prone_min_late, overdue_prone_margin FROM feat_flag_setting");
        if (row.Alpha is not { } a || a <= 0 || a >= 1 || row.Strong is not { } s || s <= 0 || s > a || row.Months is not { } m || m < 1 ||
            row.MinLate is not { } k || k < 1 || row.Margin is not { } margin || margin < 0)
            throw new AnalyticsException(Messages.BadEvidenceSettings);
        return new EvidenceSettings(a, s, m, k, margin);
    }

    /// <summary>The label in words, from the same settings the SQL applies.</summary>
    public string LabelText => Messages.OverdueProneRule(MinLate, Margin);
}
