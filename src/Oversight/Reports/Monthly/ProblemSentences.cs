using System.Globalization;

namespace Oversight.Reports.Monthly;

/// <summary>The 存在的问题 section: numbered sentences generated from the month's figures, each saying who, what,
/// how many and compared with what (the county's figure). The figures are the ranking's own, under the same names.</summary>
internal static class ProblemSentences
{
    internal sealed record Input(
        string MonthLabel,
        RankingRow County,
        IReadOnlyList<RankingRow> Centers,
        IReadOnlyList<OverdueCaseRow> OverdueInMonth,
        IReadOnlyList<OverdueCaseRow> LongOpen,
        IReadOnlyList<ComplaintRow> Upheld,
        IReadOnlyList<ViolationRow> Violations,
        int LongOpenDays,
        Func<string, string> Name,
        int NamedPerProblem,
        string LongOpenAnnex,
        IReadOnlyList<BackfillRow> Backfill,
        IReadOnlyList<BadRatingLateRow> BadRatingsLate);

    /// <summary>Rated callbacks a center needs before its satisfaction is called out (fewer say little).</summary>
    private const int MinRatingsForSatisfaction = 20;

    /// <summary>The numbered sentences, and the centers each kind of problem names (for the 下步工作要求).</summary>
    internal sealed record Result(List<string> Sentences, List<string> Overdue, List<string> LongOpen, List<string> Complaints,
        List<string> Video, List<string> Satisfaction, List<NamedProblem> Named);

    public static Result Build(Input x)
    {
        var sentences = new List<string>();
        var named = new List<NamedProblem>();
        void Record(string kind, string center, IEnumerable<string> records) =>
            named.Add(new NamedProblem(kind, center, sentences[^1], records.ToList()));
        List<string> overdueNamed = [], longOpenNamed = [], complaintNamed = [], videoNamed = [], satisfactionNamed = [];
        var county = x.County;
        var longOpen = x.LongOpen.GroupBy(c => c.CenterCode).ToDictionary(g => g.Key, g => g.ToList());

        // An empty hall first, every one of them: whatever its rates, it is on the black list.
        foreach (var r in x.Centers.Where(r => r.IsEmptyHall).OrderBy(r => r.CenterCode, StringComparer.Ordinal))
        {
            sentences.Add($"{r.CenterName}视频抽查 {ReportText.Count(r.VideoChecks)} 次，其中 {ReportText.Count(r.VideoEmptyChecks)} 次发现大厅或窗口无人，" +
                          "存在“形同虚设”（空壳大厅）问题，无论其他指标如何均列入黑榜。");
            Record(NamedProblem.EmptyHall, r.CenterCode, x.Violations.Where(v => v.CenterCode == r.CenterCode && v.IsEmptyHall).Select(v => v.CheckId));
        }
        var emptyHalls = x.Centers.Where(r => r.IsEmptyHall).Select(r => r.CenterCode).ToHashSet();

        // Timeliness below the county's with overdue cases in the month (long-open ones have their own line).
        var overdueCounts = x.OverdueInMonth.GroupBy(c => c.CenterCode).ToDictionary(g => g.Key, g => g.Count());
        foreach (var r in x.Centers.Where(r => overdueCounts.ContainsKey(r.CenterCode) && r.TimelinessRate is { } t
                                                 && county.TimelinessRate is { } ct && ReportText.Percent(t) != ReportText.Percent(ct) && t < ct)
                     .OrderBy(r => r.TimelinessRate).ThenBy(r => r.CenterCode, StringComparer.Ordinal).Take(x.NamedPerProblem))
        {
            var inLong = longOpen.GetValueOrDefault(r.CenterCode)?.Count ?? 0;
            overdueNamed.Add(r.CenterName);
            sentences.Add($"{r.CenterName}按期办结率 {ReportText.Percent(r.TimelinessRate)}，{Compare(r.TimelinessRate, county.TimelinessRate, ReportText.Percent)}：" +
                          $"当月超期办结 {ReportText.Count(r.CompletedOverdue)} 件，月末超期未办结 {ReportText.Count(r.BacklogOverdue)} 件" +
                          (inLong > 0 ? $"（其中长期未办结 {ReportText.Count(inLong)} 件，见下文）" : "") + "。");
            Record(NamedProblem.Overdue, r.CenterCode, x.OverdueInMonth.Where(c => c.CenterCode == r.CenterCode).Select(c => c.CaseId));
        }

        // Long open: one line per center, the cases themselves only in the annex.
        foreach (var (code, cases) in longOpen.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var earliest = cases.Min(c => c.DueAt);
            longOpenNamed.Add(x.Name(code));
            sentences.Add($"{x.Name(code)}有 {ReportText.Count(cases.Count)} 件办件超过应办结时间 {x.LongOpenDays} 天以上仍未办结" +
                          $"（最早一件应于 {ReportText.ChineseDate(DateOnly.FromDateTime(earliest))}办结），长期未办结（疑似未及时办结登记），清单见附件{x.LongOpenAnnex}。");
            Record(NamedProblem.LongOpen, code, cases.Select(c => c.CaseId));
        }

        // Upheld complaints.
        var categories = x.Upheld.GroupBy(c => c.CenterCode).ToDictionary(g => g.Key,
            g => string.Join("、", g.GroupBy(c => c.Category).OrderByDescending(k => k.Count()).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key)));
        foreach (var r in x.Centers.Where(r => r.ComplaintsUpheld > 0)
                     .OrderByDescending(r => r.ComplaintsUpheld).ThenBy(r => r.CenterCode, StringComparer.Ordinal).Take(x.NamedPerProblem))
        {
            complaintNamed.Add(r.CenterName);
            sentences.Add($"{r.CenterName}收到投诉 {ReportText.Count(r.Complaints)} 件，核查属实（含部分属实）{ReportText.Count(r.ComplaintsUpheld)} 件" +
                          (categories.TryGetValue(r.CenterCode, out var cat) && cat.Length > 0 ? $"，涉及{cat}" : "") +
                          $"；每千件办件属实投诉 {ReportText.Number(r.UpheldPer1000Cases)} 件，{Compare(r.UpheldPer1000Cases, county.UpheldPer1000Cases, v => ReportText.Number(v) + " 件")}。");
            Record(NamedProblem.Complaints, r.CenterCode, x.Upheld.Where(c => c.CenterCode == r.CenterCode).Select(c => c.ComplaintId));
        }

        // Video spot checks.
        var findings = x.Violations.GroupBy(v => v.CenterCode).ToDictionary(g => g.Key,
            g => string.Join("、", g.GroupBy(v => v.Finding).OrderByDescending(k => k.Count()).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key)));
        foreach (var r in x.Centers.Where(r => r.VideoViolations > 0)
                     .OrderByDescending(r => r.VideoViolations).ThenBy(r => r.CenterCode, StringComparer.Ordinal).Take(x.NamedPerProblem))
        {
            videoNamed.Add(r.CenterName);
            sentences.Add($"{r.CenterName}视频抽查 {ReportText.Count(r.VideoChecks)} 次，发现{findings.GetValueOrDefault(r.CenterCode, "违规")}问题 " +
                          $"{ReportText.Count(r.VideoViolations)} 次，视频抽查违规率 {ReportText.Percent(r.ViolationRate)}，" +
                          $"{Compare(r.ViolationRate, county.ViolationRate, ReportText.Percent)}。");
            var checks = x.Violations.Where(v => v.CenterCode == r.CenterCode).ToList();
            // A center with its own empty-hall line is asked here about the other violations; otherwise an empty post among
            // them makes this the empty-hall item.
            Record(checks.Any(v => v.IsEmptyHall) && !emptyHalls.Contains(r.CenterCode) ? NamedProblem.EmptyHall : NamedProblem.Video,
                r.CenterCode, checks.Select(v => v.CheckId));
        }

        // Back-fill bursts (集中补录), as mart_month_backfill defines them: shrunk share well above the county's.
        foreach (var b in x.Backfill.Take(x.NamedPerProblem))
        {
            sentences.Add($"{x.Name(b.CenterCode)}当月受理办件 {ReportText.Count(b.Cases)} 件，其中 {ReportText.Count(b.Backfilled)} 件在受理 " +
                          $"{b.BackfillHours.ToString(CultureInfo.InvariantCulture)} 小时后才录入，补录率 {ReportText.Percent(b.BackfillShare)}，" +
                          $"明显高于全县 {ReportText.Percent(b.CountyShare)}，存在事后集中补录问题。");
            Record(NamedProblem.Backfill, b.CenterCode, []);
        }

        // 差评 not rectified within their time limit, per center with any such (worst share first).
        foreach (var b in x.BadRatingsLate.Take(x.NamedPerProblem))
        {
            sentences.Add($"{x.Name(b.CenterCode)}当月到期应整改差评 {ReportText.Count(b.Due)} 条，其中 {ReportText.Count(b.Late)} 条未在 " +
                          $"{b.LimitDays.ToString(CultureInfo.InvariantCulture)} 个工作日内整改，按期整改率 {ReportText.Percent(b.InTimeRate)}，" +
                          $"{Compare(b.InTimeRate, b.CountyInTimeRate, ReportText.Percent)}。");
            Record(NamedProblem.BadRating, b.CenterCode, b.LateIds.Split(','));
        }

        // Satisfaction clearly below the county's, on enough ratings to mean something.
        foreach (var r in x.Centers.Where(r => r.CallbacksRated >= MinRatingsForSatisfaction && r.SatisfactionRate is { } s
                                                 && county.SatisfactionRate is { } cs && s < cs - 0.05)
                     .OrderBy(r => r.SatisfactionRate).ThenBy(r => r.CenterCode, StringComparer.Ordinal).Take(x.NamedPerProblem))
        {
            satisfactionNamed.Add(r.CenterName);
            sentences.Add($"{r.CenterName}回访满意率 {ReportText.Percent(r.SatisfactionRate)}（参与评价 {ReportText.Count(r.CallbacksRated)} 条），" +
                          $"{Compare(r.SatisfactionRate, county.SatisfactionRate, ReportText.Percent)}。");
            Record(NamedProblem.Satisfaction, r.CenterCode, []);
        }

        if (sentences.Count == 0) sentences.Add($"{x.MonthLabel}各中心未发现超期办件、属实投诉、视频抽查、集中补录和差评逾期未整改问题。");
        return new Result(sentences.Select((s, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {s}").ToList(),
            overdueNamed, longOpenNamed, complaintNamed, videoNamed, satisfactionNamed, named);
    }

    /// <summary>"低于全县 95.2%" / "高于全县 …" / "与全县持平（…）", true to the figures as printed.</summary>
    private static string Compare(double? value, double? countyValue, Func<double?, string> format)
    {
        if (value is null || countyValue is null) return $"全县为 {format(countyValue)}";
        var a = format(value);
        var b = format(countyValue);
        if (a == b) return $"与全县持平（{b}）";
        return $"{(value > countyValue ? "高于" : "低于")}全县 {b}";
    }
}

/// <summary>One numbered line of 存在的问题 as data: its kind (a kind of sql/seeds/rectification_kinds.csv), the center
/// it names, the sentence as printed (without its number) and the records behind it. 整改 proposals are made from these.</summary>
public sealed record NamedProblem(string Kind, string CenterCode, string Sentence, IReadOnlyList<string> RecordIds)
{
    public const string Overdue = "overdue";
    public const string LongOpen = "long_open";
    public const string Complaints = "complaints";
    public const string Video = "video";
    public const string EmptyHall = "empty_hall";
    public const string Satisfaction = "satisfaction";
    public const string Backfill = "backfill";
    public const string BadRating = "bad_rating";
}
