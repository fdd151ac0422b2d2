using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Reports.Monthly;

/// <summary>Reads the marts (through sql/reports/monthly/*.sql) and lays out the briefing's view model.</summary>
public static class MonthlyBriefingBuilder
{
    public const string CompositeFormula =
        "综合得分 = 40 × 按期率 + 20 × 满意率 + 20 × (1 − 视频抽查违规率) + 20 × (1 − min(每千件办件属实投诉数 ÷ 10, 1))；" +
        "按期率 = 按期办结件数 ÷ (办结件数 + 月末超期未办结件数)；某项当月无数据的，按全县当月水平计。";

    /// <summary>The headline figures, their labels, and whether a rise is good news.</summary>
    private static readonly (string Metric, string Label, bool IsRate, bool HigherIsBetter)[] Figures =
    [
        ("cases_accepted", "受理办件", false, true),
        ("on_time_rate", "按期办结率", true, true),
        ("backlog_overdue", "月末超期未办结", false, false),
        ("complaints", "收到投诉", false, false),
        ("complaints_upheld", "属实投诉", false, false),
        ("satisfaction_rate", "回访满意率", true, true),
        ("violation_rate", "视频抽查违规率", true, false),
        ("composite_score", "综合得分（全县）", false, true),
    ];

    private const int WorstCasesPerCenter = 10;

    public static MonthlyBriefing Build(DuckDBConnection connection, DateOnly month, ReportSettings settings, DateTime generatedAt)
    {
        using var cache = MartCache.Materialize(connection);
        var first = new DateOnly(month.Year, month.Month, 1);
        var p = new { month = first.ToDateTime(TimeOnly.MinValue) };
        List<T> Q<T>(string name) => connection.Query<T>(SqlFiles.Read($"reports/monthly/{name}.sql"), p).ToList();

        var county = connection.QueryFirstOrDefault<RankingRow>(SqlFiles.Read("reports/monthly/county.sql"), p);
        if (county is null || county.CasesAccepted == 0 && county.Complaints == 0)
            throw new ReportException($"{ReportText.Month(first)}没有任何办件或投诉数据，无法生成通报。请确认月份或先导入数据。");
        var ranking = Q<RankingRow>("ranking");
        if (ranking.Count == 0) throw new ReportException("数据库中没有中心数据，无法生成通报。请先导入“中心”表。");

        var names = ranking.ToDictionary(r => r.CenterCode, r => r.CenterName);
        var countyCode = connection.ExecuteScalar<string?>("SELECT min(county_code) FROM dim_center");
        var countyName = settings.CountyName(countyCode);
        var listSize = Math.Max(1, Math.Min(5, ranking.Count / 3));

        var ranked = ranking.Select(r => new RankedCenter(
            r.Rank, r.CenterCode, r.CenterName, r.HeadName ?? "", ReportText.Count(r.CasesAccepted), ReportText.Percent(r.OnTimeRate),
            ReportText.Count(r.CompletedOverdue), ReportText.Count(r.BacklogOverdue), ReportText.Count(r.Complaints),
            ReportText.Count(r.ComplaintsUpheld), ReportText.Percent(r.SatisfactionRate), ReportText.Percent(r.ViolationRate),
            ReportText.Number(r.CompositeScore), ReportText.ValueChange(r.CompositeScore, r.CompositeScore - r.ScoreChange, "0.0", withPercent: false),
            r.Rank <= listSize ? "红榜" : r.Rank > ranking.Count - listSize ? "黑榜" : "")).ToList();

        var overdue = Q<OverdueCaseRow>("overdue_cases");
        var upheld = Q<ComplaintRow>("upheld_complaints");
        var violations = Q<ViolationRow>("video_violations");

        return new MonthlyBriefing(
            Title: $"{countyName}乡镇便民服务中心{ReportText.Month(first)}运行情况通报",
            CountyName: countyName,
            MonthLabel: ReportText.Month(first),
            Month: first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            GeneratedAt: ReportText.Minute(generatedAt),
            Issuer: settings.Issuer,
            Headline: Headline(Q<HeadlineRow>("headline")),
            CompositeFormula: CompositeFormula,
            Ranking: ranked,
            RedList: ranked.Where(r => r.List == "红榜").ToList(),
            BlackList: ranked.Where(r => r.List == "黑榜").OrderBy(r => -r.Rank).ToList(),
            TrendChart: TrendChart(Q<TrendRow>("trend")),
            RankingChart: SvgCharts.Bars("各中心综合得分", ranking.Select(r => new SvgCharts.Point(r.CenterName, r.CompositeScore)).ToList(),
                v => v.ToString("0.0", CultureInfo.InvariantCulture), 100),
            HeatMap: HeatMap(Q<HeatRow>("heatmap"), first),
            OverdueCaseCount: overdue.Count,
            OverdueByCenter: overdue.GroupBy(c => c.CenterCode)
                .Select(g => new CenterOverdue(names.GetValueOrDefault(g.Key, g.Key), g.Count(), g.Sum(c => c.OverdueWorkingDays),
                    g.Take(WorstCasesPerCenter).Select(c => new OverdueCase(c.CaseId, c.WindowName, c.ItemName ?? "",
                        ReportText.Minute(c.AcceptedAt), ReportText.Minute(c.DueAt),
                        c.IsOpen || c.CompletedAt is null ? "仍未办结" : $"{ReportText.Day(c.CompletedAt.Value)} 办结",
                        c.OverdueWorkingDays)).ToList(),
                    Math.Max(0, g.Count() - WorstCasesPerCenter)))
                .OrderByDescending(c => c.WorkingDays).ToList(),
            UpheldComplaintCount: upheld.Count,
            UpheldByCenter: upheld.GroupBy(c => c.CenterCode)
                .Select(g => new CenterComplaints(names.GetValueOrDefault(g.Key, g.Key), g.Select(c => new UpheldComplaint(
                    c.ComplaintId, ReportText.Minute(c.ReceivedAt), c.Source, c.Category, c.Verdict, c.WindowName ?? "", c.Content ?? "")).ToList()))
                .ToList(),
            VideoViolationCount: violations.Count,
            ViolationsByCenter: violations.GroupBy(v => v.CenterCode)
                .Select(g => new CenterViolations(names.GetValueOrDefault(g.Key, g.Key), g.Select(v => new VideoViolation(
                    v.CheckId, ReportText.Minute(v.CheckedAt), v.Finding, v.WindowName ?? "大厅", v.Note ?? "")).ToList()))
                .OrderByDescending(c => c.Checks.Count).ToList(),
            Improved: Movements(Q<ChangeRow>("changes"), names, improving: true),
            Worsened: Movements(Q<ChangeRow>("changes"), names, improving: false),
            DataQuality: Quality(connection, p));
    }

    private static List<HeadlineFigure> Headline(List<HeadlineRow> rows)
    {
        var byMetric = rows.ToDictionary(r => r.Metric);
        var figures = new List<HeadlineFigure>();
        foreach (var (metric, label, isRate, higherIsBetter) in Figures)
        {
            if (!byMetric.TryGetValue(metric, out var r)) continue;
            string Show(double? v) => isRate ? ReportText.Percent(v) : metric == "composite_score" ? ReportText.Number(v) : ReportText.Count((long)Math.Round(v ?? 0));
            string Change(double? before) => isRate ? ReportText.RateChange(r.Value, before) : ReportText.ValueChange(r.Value, before, metric == "composite_score" ? "0.0" : "0");
            var trend = r.Value is null || r.PreviousValue is null || Math.Abs(r.Value.Value - r.PreviousValue.Value) < 1e-9 ? "flat"
                : (r.Value > r.PreviousValue) == higherIsBetter ? "good" : "bad";
            figures.Add(new HeadlineFigure(label, Show(r.Value), r.PreviousValue is null ? "—" : Show(r.PreviousValue), Change(r.PreviousValue),
                r.YearAgoValue is null ? "—" : Show(r.YearAgoValue), Change(r.YearAgoValue), trend));
        }
        return figures;
    }

    private static Svg TrendChart(List<TrendRow> rows) =>
        SvgCharts.Line("全县近12个月按期办结率",
            rows.Select(r => new SvgCharts.Point($"{r.Month:yy}.{r.Month.Month}", r.OnTimeRate)).ToList(),
            v => ReportText.Percent(v), max: 1);

    private static Svg HeatMap(List<HeatRow> rows, DateOnly month)
    {
        var months = Enumerable.Range(0, 12).Select(i => month.AddMonths(i - 11)).ToList();
        var centers = rows.Select(r => (r.CenterCode, r.CenterName)).Distinct().OrderBy(c => c.CenterCode, StringComparer.Ordinal).ToList();
        var cells = rows.ToDictionary(r => (r.CenterCode, r.Month), r => r.OverdueRate);
        return SvgCharts.HeatMap("各中心近12个月超期率",
            centers.Select(c => c.CenterName).ToList(),
            months.Select(m => $"{m:yy}.{m.Month}").ToList(),
            (r, c) => cells.GetValueOrDefault((centers[r].CenterCode, months[c])),
            v => ReportText.Percent(v), max: 0.2);
    }

    /// <summary>The five centers whose composite score rose (or fell) most, with the figures behind it.</summary>
    private static List<Movement> Movements(List<ChangeRow> changes, Dictionary<string, string> names, bool improving)
    {
        var byCenter = changes.GroupBy(c => c.CenterCode).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Metric));
        var scores = changes.Where(c => c.Metric == "composite_score" && (improving ? c.ChangeFromPrevious > 0.05 : c.ChangeFromPrevious < -0.05))
            .OrderBy(c => improving ? -c.ChangeFromPrevious : c.ChangeFromPrevious).ThenBy(c => c.CenterCode, StringComparer.Ordinal).Take(5);
        return scores.Select(s =>
        {
            var m = byCenter[s.CenterCode];
            var details = new List<string>();
            foreach (var (metric, label, isRate, _) in Figures.Where(f => f.IsRate))
                if (m.TryGetValue(metric, out var c) && Math.Abs(c.ChangeFromPrevious) >= 0.01)
                    details.Add($"{label}{ReportText.RateChange(c.Value, c.PreviousValue)}");
            if (m.TryGetValue("complaints_upheld", out var u) && Math.Abs(u.ChangeFromPrevious) >= 1)
                details.Add($"属实投诉{ReportText.ValueChange(u.Value, u.PreviousValue)}");
            if (m.TryGetValue("backlog_overdue", out var b) && Math.Abs(b.ChangeFromPrevious) >= 1)
                details.Add($"月末超期未办结{ReportText.ValueChange(b.Value, b.PreviousValue)}");
            return new Movement(names.GetValueOrDefault(s.CenterCode, s.CenterCode), ReportText.Number(s.PreviousValue), ReportText.Number(s.Value),
                ReportText.ValueChange(s.Value, s.PreviousValue, "0.0", withPercent: false), string.Join("；", details));
        }).ToList();
    }

    private static DataQuality Quality(DuckDBConnection connection, object p)
    {
        var q = connection.QuerySingle<DataQualityRow>(SqlFiles.Read("reports/monthly/data_quality.sql"), p);
        var files = connection.Query<(string File, long Rows)>(SqlFiles.Read("reports/monthly/rejects_by_file.sql"))
            .Select(f => new RejectedFile(f.File, f.Rows)).ToList();
        var gaps = connection.Query<int>("SELECT year FROM core_calendar_gaps ORDER BY year")
            .Select(y => $"{y} 年没有节假日日历，该年按周一至周五计算工作日").ToList();
        return new DataQuality(q.FilesLoaded, q.FilesSetAside, q.RowsRejected, files, q.LateRecords,
            ReportText.Percent(q.MonthCases == 0 ? null : (double)q.LateRecords / q.MonthCases), gaps,
            q.LastLoad is { } t ? ReportText.Minute(t) : "—");
    }
}
