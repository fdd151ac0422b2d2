using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Assessment;
using Oversight.Warehouse;

namespace Oversight.Reports.Annual;

/// <summary>Reads the year's evidence (sql/reports/annual), scores it with the county's rules and lays out the report.</summary>
public static class AnnualAssessmentBuilder
{
    private static readonly string[] QuarterNames = ["第一季度", "第二季度", "第三季度", "第四季度"];

    public static (AnnualAssessmentReport Report, IReadOnlyList<CenterScore> Scores) Build(DuckDBConnection connection, int year,
        ScoringRules rules, ReportSettings settings, DateTime generatedAt)
    {
        var p = new { year };
        var centers = connection.Query<(string Code, string Name, string? Head, string County)>(SqlFiles.Read("reports/annual/centers.sql")).ToList();
        if (centers.Count == 0) throw new ReportException("数据库中没有中心数据，无法考核。请先导入“中心”表。");
        var quarters = connection.ExecuteScalar<int>(SqlFiles.Read("reports/annual/quarters.sql"), p);
        if (quarters == 0) throw new ReportException($"{year} 年尚未开始（数据截至最近一次导入），无法考核。");

        var evidence = connection.Query<EvidenceRow>(SqlFiles.Read("reports/annual/evidence.sql"), p).Select(r => r.ToEvidence()).ToList();
        var scores = Scorer.Score(rules, centers.Select(c => new AssessedCenter(c.Code, c.Name, c.Head)).ToList(), evidence, quarters);
        var names = centers.ToDictionary(c => c.Code, c => c.Name);
        var countyName = settings.CountyName(centers[0].County);

        var appeals = connection.Query<AppealRow>(SqlFiles.Read("reports/annual/appeals.sql"), p).Select(a => new AppealText(
            a.AppealId, names.GetValueOrDefault(a.CenterCode, a.CenterCode), a.Source, a.RecordId,
            a.Action == "withdraw" ? "撤销该条证据" : $"数量由 {N(a.OriginalQuantity)} 改为 {N(a.NewQuantity ?? 0)}",
            a.Reason, a.Approver, a.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();

        var report = new AnnualAssessmentReport(
            Title: $"{countyName}{year}年度乡镇便民服务工作考核（乡镇长）",
            CountyName: countyName,
            Year: year.ToString(CultureInfo.InvariantCulture),
            GeneratedAt: ReportText.Minute(generatedAt),
            Issuer: settings.Issuer,
            RulesDescription: rules.Description,
            Rules: rules.Rules.Select(r => new RuleText(r.Source, r.Label, RuleText(r))).ToList(),
            Bands: rules.Bands.Select(b => new BandText(b.Name, BandText(b))).ToList(),
            Coverage: quarters == 4 ? $"{year} 年全年四个季度" : $"{year} 年已开始的前 {quarters} 个季度（年度未结束，结果为阶段性）",
            Ranking: scores.Select(s => new RankedHead(s.Rank, s.Center.Code, s.Center.Name, s.Center.Head ?? "",
                s.QuarterScores.Select(q => q is { } v ? N(v) : "—").ToList(), N(s.YearScore), s.Band, N(s.Deductions), N(s.Additions))).ToList(),
            Appeals: appeals,
            Appendix: scores.OrderBy(s => s.Center.Code, StringComparer.Ordinal).Select(s => new CenterAppendix(
                s.Center.Code, s.Center.Name, s.Center.Head ?? "", N(s.YearScore),
                Enumerable.Range(1, quarters).Select(q =>
                {
                    var lines = s.Lines.Where(l => l.Quarter == q).ToList();
                    var sum = lines.Sum(l => l.Points);
                    var floored = rules.BasePoints + sum < s.QuarterScores[q - 1]!.Value;
                    return new QuarterAppendix(QuarterNames[q - 1], N(rules.BasePoints), N(sum),
                        N(s.QuarterScores[q - 1]!.Value) + (floored ? $"（扣分超过基础分，按最低 {N(rules.MinQuarterScore!.Value)} 分计）" : ""),
                        lines.Select(l => new LineText(l.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), l.Source, l.RecordId, l.RuleLabel,
                            N(l.Quantity), Signed(l.Points), l.Note)).ToList());
                }).ToList())).ToList());
        return (report, scores);
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Signed(double v) => v > 0 ? "+" + N(v) : v < 0 ? "−" + N(-v) : "0";

    private static string RuleText(ScoringRule r)
    {
        var text = $"每{(r.Unit ?? "条")} {Signed(r.PointsPerUnit)} 分";
        if (r.Attributes is { Count: > 0 }) text = $"（{string.Join("、", r.Attributes)}）" + text;
        if (r.CapPerRecord is { } c) text += $"，单条最多 {Signed(c)} 分";
        if (r.CapPerQuarter is { } q) text += $"，每季度最多 {Signed(q)} 分";
        return text;
    }

    private static string BandText(Band b) =>
        (b.MinScore, b.TopN) switch
        {
            (null, _) => "其余",
            ({ } m, null) => $"{N(m)} 分及以上",
            ({ } m, { } n) => $"{N(m)} 分及以上且排名前 {n}",
        };

#pragma warning disable CS8618 // set by Dapper
    private sealed class EvidenceRow
    {
        public string Source { get; set; }
        public string RecordId { get; set; }
        public string CenterCode { get; set; }
        public DateOnly OccurredOn { get; set; }
        public int Quarter { get; set; }
        public string? Attribute { get; set; }
        public double OriginalQuantity { get; set; }
        public double Quantity { get; set; }
        public long? AppealId { get; set; }
        public string? AppealAction { get; set; }
        public string? AppealReason { get; set; }
        public string? AppealApprover { get; set; }
        public DateOnly? AppealDecidedOn { get; set; }

        public Evidence ToEvidence() => new(Source, RecordId, CenterCode, OccurredOn, Quarter, Attribute, OriginalQuantity, Quantity,
            AppealId is { } id ? new Appeal(id, AppealAction!, AppealReason!, AppealApprover!, AppealDecidedOn!.Value) : null);
    }

    private sealed class AppealRow
    {
        public long AppealId { get; set; }
        public string Source { get; set; }
        public string RecordId { get; set; }
        public string Action { get; set; }
        public double? NewQuantity { get; set; }
        public string Reason { get; set; }
        public string Approver { get; set; }
        public DateOnly DecidedOn { get; set; }
        public string CenterCode { get; set; }
        public double OriginalQuantity { get; set; }
    }
#pragma warning restore CS8618
}
