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
            throw new AnalyticsException("指标设置 sql/seeds/metric_settings.csv 中预警的设置（evidence_alpha、strong_evidence_alpha、ranking_backtest_months、" +
                                         "overdue_prone_min_late、overdue_prone_margin）缺失或取值不对：概率应在 0 与 1 之间且强证据门槛不大于一般门槛，月数和件数至少为 1。");
        return new EvidenceSettings(a, s, m, k, margin);
    }

    /// <summary>The label in words, from the same settings the SQL applies.</summary>
    public string LabelText =>
        $"当月到期办件中超期至少 {MinLate} 件，且超期率比全县同月高出 {Math.Round(100 * Margin, 1):0.#} 个百分点以上";
}
