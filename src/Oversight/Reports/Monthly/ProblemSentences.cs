using System.Globalization;

namespace Oversight.Reports.Monthly;

/// <summary>The 存在的问题 section as facts: which centers are named for which kind of problem, with the figures and the
/// county's figure each line compares with. The sentences themselves are in report-templates/monthly/sentences.sbn
/// (function problem_line), one per kind. The figures are the ranking's own, under the same names.</summary>
internal static class ProblemSentences
{
    internal sealed record Input(
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

    /// <summary>The lines in print order, and the centers each kind of problem names (for the 下步工作要求).</summary>
    internal sealed record Result(List<ProblemLine> Lines, List<string> Overdue, List<string> LongOpen, List<string> Complaints,
        List<string> Video, List<string> Satisfaction, List<NamedProblem> Named);

    public static Result Build(Input x)
    {
        var lines = new List<ProblemLine>();
        var named = new List<NamedProblem>();
        void Add(ProblemLine line, string kind, IEnumerable<string> records)
        {
            line = line with { Number = lines.Count + 1 };
            lines.Add(line);
            named.Add(new NamedProblem(kind, line.CenterCode, line, records.ToList()));
        }
        List<string> overdueNamed = [], longOpenNamed = [], complaintNamed = [], videoNamed = [], satisfactionNamed = [];
        var county = x.County;
        var longOpen = x.LongOpen.GroupBy(c => c.CenterCode).ToDictionary(g => g.Key, g => g.ToList());

        // An empty hall first, every one of them: whatever its rates, it is on the black list.
        foreach (var r in x.Centers.Where(r => r.IsEmptyHall).OrderBy(r => r.CenterCode, StringComparer.Ordinal))
            Add(new EmptyHallLine(r.CenterCode, r.CenterName, ReportText.Count(r.VideoChecks), ReportText.Count(r.VideoEmptyChecks)),
                NamedProblem.EmptyHall, x.Violations.Where(v => v.CenterCode == r.CenterCode && v.IsEmptyHall).Select(v => v.CheckId));
        var emptyHalls = x.Centers.Where(r => r.IsEmptyHall).Select(r => r.CenterCode).ToHashSet();

        // Timeliness below the county's with overdue cases in the month (long-open ones have their own line).
        var overdueCounts = x.OverdueInMonth.GroupBy(c => c.CenterCode).ToDictionary(g => g.Key, g => g.Count());
        foreach (var r in x.Centers.Where(r => overdueCounts.ContainsKey(r.CenterCode) && r.TimelinessRate is { } t
                                                 && county.TimelinessRate is { } ct && ReportText.Percent(t) != ReportText.Percent(ct) && t < ct)
                     .OrderBy(r => r.TimelinessRate).ThenBy(r => r.CenterCode, StringComparer.Ordinal).Take(x.NamedPerProblem))
        {
            var inLong = longOpen.GetValueOrDefault(r.CenterCode)?.Count ?? 0;
            overdueNamed.Add(r.CenterName);
            Add(new OverdueLine(r.CenterCode, r.CenterName, ReportText.Percent(r.TimelinessRate),
                    Comparison.Of(r.TimelinessRate, county.TimelinessRate, ReportText.Percent),
                    ReportText.Count(r.CompletedOverdue), ReportText.Count(r.BacklogOverdue), inLong > 0 ? ReportText.Count(inLong) : ""),
                NamedProblem.Overdue, x.OverdueInMonth.Where(c => c.CenterCode == r.CenterCode).Select(c => c.CaseId));
        }

        // Long open: one line per center, the cases themselves only in the annex.
        foreach (var (code, cases) in longOpen.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            longOpenNamed.Add(x.Name(code));
            Add(new LongOpenLine(code, x.Name(code), ReportText.Count(cases.Count), x.LongOpenDays.ToString(CultureInfo.InvariantCulture),
                    ReportText.ChineseDate(DateOnly.FromDateTime(cases.Min(c => c.DueAt))), x.LongOpenAnnex),
                NamedProblem.LongOpen, cases.Select(c => c.CaseId));
        }

        // Upheld complaints.
        var categories = x.Upheld.GroupBy(c => c.CenterCode).ToDictionary(g => g.Key,
            g => string.Join("、", g.GroupBy(c => c.Category).OrderByDescending(k => k.Count()).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key)));
        foreach (var r in x.Centers.Where(r => r.ComplaintsUpheld > 0)
                     .OrderByDescending(r => r.ComplaintsUpheld).ThenBy(r => r.CenterCode, StringComparer.Ordinal).Take(x.NamedPerProblem))
        {
            complaintNamed.Add(r.CenterName);
            Add(new ComplaintsLine(r.CenterCode, r.CenterName, ReportText.Count(r.Complaints), ReportText.Count(r.ComplaintsUpheld),
                    categories.GetValueOrDefault(r.CenterCode, ""), ReportText.Number(r.UpheldPer1000Cases),
                    Comparison.Of(r.UpheldPer1000Cases, county.UpheldPer1000Cases, v => ReportText.Number(v))),
                NamedProblem.Complaints, x.Upheld.Where(c => c.CenterCode == r.CenterCode).Select(c => c.ComplaintId));
        }

        // Video spot checks.
        var findings = x.Violations.GroupBy(v => v.CenterCode).ToDictionary(g => g.Key,
            g => string.Join("、", g.GroupBy(v => v.Finding).OrderByDescending(k => k.Count()).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key)));
        foreach (var r in x.Centers.Where(r => r.VideoViolations > 0)
                     .OrderByDescending(r => r.VideoViolations).ThenBy(r => r.CenterCode, StringComparer.Ordinal).Take(x.NamedPerProblem))
        {
            videoNamed.Add(r.CenterName);
            var checks = x.Violations.Where(v => v.CenterCode == r.CenterCode).ToList();
            // A center with its own empty-hall line is asked here about the other violations; otherwise an empty post among
            // them makes this the empty-hall item.
            Add(new VideoLine(r.CenterCode, r.CenterName, ReportText.Count(r.VideoChecks), findings.GetValueOrDefault(r.CenterCode, ""),
                    ReportText.Count(r.VideoViolations), ReportText.Percent(r.ViolationRate), Comparison.Of(r.ViolationRate, county.ViolationRate, ReportText.Percent)),
                checks.Any(v => v.IsEmptyHall) && !emptyHalls.Contains(r.CenterCode) ? NamedProblem.EmptyHall : NamedProblem.Video,
                checks.Select(v => v.CheckId));
        }

        // Back-fill bursts (集中补录), as mart_month_backfill defines them: shrunk share well above the county's.
        foreach (var b in x.Backfill.Take(x.NamedPerProblem))
            Add(new BackfillLine(b.CenterCode, x.Name(b.CenterCode), ReportText.Count(b.Cases), ReportText.Count(b.Backfilled),
                    b.BackfillHours.ToString(CultureInfo.InvariantCulture), ReportText.Percent(b.BackfillShare), ReportText.Percent(b.CountyShare)),
                NamedProblem.Backfill, []);

        // 差评 not rectified within their time limit, per center with any such (worst share first).
        foreach (var b in x.BadRatingsLate.Take(x.NamedPerProblem))
            Add(new BadRatingLine(b.CenterCode, x.Name(b.CenterCode), ReportText.Count(b.Due), ReportText.Count(b.Late),
                    b.LimitDays.ToString(CultureInfo.InvariantCulture), ReportText.Percent(b.InTimeRate),
                    Comparison.Of(b.InTimeRate, b.CountyInTimeRate, ReportText.Percent)),
                NamedProblem.BadRating, b.LateIds.Split(','));

        // Satisfaction clearly below the county's, on enough ratings to mean something.
        foreach (var r in x.Centers.Where(r => r.CallbacksRated >= MinRatingsForSatisfaction && r.SatisfactionRate is { } s
                                                 && county.SatisfactionRate is { } cs && s < cs - 0.05)
                     .OrderBy(r => r.SatisfactionRate).ThenBy(r => r.CenterCode, StringComparer.Ordinal).Take(x.NamedPerProblem))
        {
            satisfactionNamed.Add(r.CenterName);
            Add(new SatisfactionLine(r.CenterCode, r.CenterName, ReportText.Percent(r.SatisfactionRate), ReportText.Count(r.CallbacksRated),
                    Comparison.Of(r.SatisfactionRate, county.SatisfactionRate, ReportText.Percent)),
                NamedProblem.Satisfaction, []);
        }

        return new Result(lines, overdueNamed, longOpenNamed, complaintNamed, videoNamed, satisfactionNamed, named);
    }
}

/// <summary>A center's figure against the county's, as printed: <see cref="Relation"/> is "higher", "lower", "equal"
/// (the two print the same) or "unknown" (either is missing); <see cref="County"/> is the county's figure as printed.
/// The template (function versus) says it in words.</summary>
public sealed record Comparison(string Relation, string County)
{
    public static Comparison Of(double? value, double? countyValue, Func<double?, string> format)
    {
        var county = format(countyValue);
        if (value is null || countyValue is null) return new("unknown", county);
        if (format(value) == county) return new("equal", county);
        return new(value > countyValue ? "higher" : "lower", county);
    }
}

/// <summary>One numbered line of 存在的问题 as facts (figures already formatted). <see cref="Kind"/> picks the sentence in
/// monthly/sentences.sbn (letters only: every string a template sees is escaped for its format, and Markdown escapes "_"); <see cref="Number"/> is its
/// number in the 通报 (a township's pack prints the 通报's numbers).</summary>
public abstract record ProblemLine(string Kind, string CenterCode, string Center)
{
    public int Number { get; init; }
}

public sealed record EmptyHallLine(string CenterCode, string Center, string VideoChecks, string EmptyChecks)
    : ProblemLine("emptyHall", CenterCode, Center);

/// <summary><see cref="LongOpen"/> is "" when none of the center's overdue cases is long open.</summary>
public sealed record OverdueLine(string CenterCode, string Center, string Timeliness, Comparison Versus, string CompletedOverdue,
    string BacklogOverdue, string LongOpen) : ProblemLine("overdue", CenterCode, Center);

/// <summary><see cref="Annex"/> is the annex number listing the cases ("" when laid out without annexes).</summary>
public sealed record LongOpenLine(string CenterCode, string Center, string Cases, string Days, string EarliestDue, string Annex)
    : ProblemLine("longOpen", CenterCode, Center);

/// <summary><see cref="Categories"/>: the upheld complaints' categories, most frequent first ("" when none is given).</summary>
public sealed record ComplaintsLine(string CenterCode, string Center, string Complaints, string Upheld, string Categories,
    string Per1000, Comparison Versus) : ProblemLine("complaints", CenterCode, Center);

/// <summary><see cref="Findings"/>: the violations found, most frequent first.</summary>
public sealed record VideoLine(string CenterCode, string Center, string Checks, string Findings, string Violations, string Rate,
    Comparison Versus) : ProblemLine("video", CenterCode, Center);

public sealed record BackfillLine(string CenterCode, string Center, string Cases, string Backfilled, string Hours, string Share,
    string CountyShare) : ProblemLine("backfill", CenterCode, Center);

public sealed record BadRatingLine(string CenterCode, string Center, string Due, string Late, string LimitDays, string InTimeRate,
    Comparison Versus) : ProblemLine("badRating", CenterCode, Center);

public sealed record SatisfactionLine(string CenterCode, string Center, string Rate, string Rated, Comparison Versus)
    : ProblemLine("satisfaction", CenterCode, Center);

/// <summary>One numbered line of 存在的问题 as data: its kind (a kind of sql/seeds/rectification_kinds.csv), the center
/// it names, the line's facts and the records behind it. 整改 proposals are made from these, with the line's sentence
/// rendered from the county's templates (<see cref="MonthlyWording.Sentence"/>).</summary>
public sealed record NamedProblem(string Kind, string CenterCode, ProblemLine Line, IReadOnlyList<string> RecordIds)
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
