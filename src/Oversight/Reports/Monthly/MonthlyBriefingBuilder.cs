using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Calendar;
using Oversight.Reports.Figures;
using Oversight.Warehouse;

namespace Oversight.Reports.Monthly;

/// <summary>Reads the marts (through sql/reports/monthly/*.sql) and lays out the briefing's view model. Figures of
/// a month are as of that month's last moment; every name a reader sees is one of the figures' own names.</summary>
public static class MonthlyBriefingBuilder
{
    /// <summary>The catalogue's tables this briefing prints (report-templates/figures.json).</summary>
    private const string HeadlineSpec = "monthly.headline", RankingSpec = "monthly.ranking", RankingSheetSpec = "monthly.ranking.sheet";

    /// <summary>Cases (or complaints) a center's table in the document lists, most overdue first; the rest are in the
    /// XLSX annex, and the document says how many. Keeps a province's briefing readable and bounded.</summary>
    public const int ListedPerCenter = 50;

    /// <summary>Whether the next month's briefing reports on this month's rectification: it does, in 上月交办问题整改情况
    /// (the 整改 ledger, src/Oversight/Rectification), so the requirements may say so (templates: has_follow_up;
    /// requirements: {follow_up}).</summary>
    private const bool HasFollowUp = true;

    /// <summary>Centers named per problem in the 存在的问题 section (all of them are in the annex).</summary>
    private const int NamedPerProblem = 3;

    /// <summary>Lays out the month as a draft (征求意见稿: no 文号, no 成文日期). Pure: it takes and records nothing;
    /// issuing is <see cref="Issuing.MonthlyIssue"/>.</summary>
    public static MonthlyBriefing Build(DuckDBConnection connection, Month month, ReportSettings settings, DateTime generatedAt)
    {
        using var cache = MartCache.Materialize(connection);
        var first = month.FirstDay;
        // The month's last moment (1 µs before the next month): a case due at 23:59:59 on the last day and still open
        // is late at the month's end, as the backlog in mart_window_month_cases counts it, by less than a working day.
        var monthEnd = first.AddMonths(1).ToDateTime(TimeOnly.MinValue).AddTicks(-10);
        var p = new { month = first.ToDateTime(TimeOnly.MinValue), month_end = monthEnd };
        List<T> Q<T>(string name) => connection.Query<T>(SqlFiles.Read($"reports/monthly/{name}.sql"), p).ToList();

        var county = connection.QueryFirstOrDefault<RankingRow>(SqlFiles.Read("reports/monthly/county.sql"), p);
        if (county is null || county.CasesAccepted == 0 && county.Complaints == 0)
            throw new ReportException(Messages.BriefingNoData(month));
        var ranking = Q<RankingRow>("ranking");
        if (ranking.Count == 0) throw new ReportException(Messages.BriefingNoCenters);

        var composite = CompositeFormula.Load(connection);
        var names = ranking.ToDictionary(r => r.CenterCode, r => r.CenterName);
        string Name(string code) => names.GetValueOrDefault(code, code);
        var countyCode = connection.ExecuteScalar<string?>("SELECT min(county_code) FROM dim_center");
        var countyName = settings.CountyName(countyCode);
        var monthLabel = ReportText.Month(first);
        var listSize = Math.Max(1, Math.Min(5, ranking.Count / 3));

        var overdue = Q<OverdueCaseRow>("overdue_cases");
        var inMonth = overdue.Where(c => !c.IsLongOpen).ToList();
        var longOpen = overdue.Where(c => c.IsLongOpen).ToList();
        var longOpenByCenter = longOpen.GroupBy(c => c.CenterCode).ToDictionary(g => g.Key, g => (long)g.Count());
        var warnings = Q<WarningRow>("warnings");
        var upheld = Q<ComplaintRow>("upheld_complaints");
        var violations = Q<ViolationRow>("video_violations");
        var changes = Q<ChangeRow>("changes");
        var violationKinds = Q<string>("violation_kinds");
        var headline = Q<HeadlineRow>("headline");
        var headlineFigures = Headline(headline, settings.Figures);

        var catalogue = settings.Figures;
        var centerRows = CenterRows(connection, p, ranking, longOpenByCenter, listSize);
        var heads = ranking.ToDictionary(r => r.CenterCode, r => r.HeadName ?? "");
        var ranked = centerRows.Select(r => new RankedCenter(r.Rank, r.Code, r.Name, heads[r.Code], r.List,
            catalogue.All.Where(f => r.Values.ContainsKey(f.Key)).ToDictionary(f => f.Key, f => f.Show(r.Value(f.Key))))).ToList();
        var red = ranked.Where(r => r.List == Messages.RedList).ToList();
        var black = ranked.Where(r => r.List == Messages.BlackList).OrderBy(r => -r.Rank).ToList();

        var annexNumbers = AnnexNumbers.Of(inMonth.Count > 0, longOpen.Count > 0, upheld.Count > 0, violations.Count > 0);
        var followUp = Rectification.RectificationFollowUp.For(connection, first);
        // An annex with nothing in it is left out, and the others are numbered on.
        var annexKeys = new List<(string Number, string Key)>
        {
            (annexNumbers.Ranking, "ranking"), (annexNumbers.Overdue, "overdue"), (annexNumbers.LongOpen, "longOpen"),
            (annexNumbers.Upheld, "upheld"), (annexNumbers.Violations, "violations"), (annexNumbers.Method, "method"),
        }.Where(a => a.Number.Length > 0).Select(a => a.Key).ToList();
        if (followUp.OverdueByTownship.Count > 0) annexKeys.Add("rectification");
        var trendRows = Q<TrendRow>("trend");
        var heatMonths = Enumerable.Range(0, 12).Select(i => first.AddMonths(i - 11)).ToList();
        var improved = Movements(changes, Name, catalogue, improving: true);
        var worsened = Movements(changes, Name, catalogue, improving: false);
        var words = MonthlyWords.Load(settings.Templates, monthLabel, composite, annexKeys,
            [AxisMonths(trendRows.Select(r => r.Month).ToList()), AxisMonths(heatMonths)], [.. improved, .. worsened]);

        var overdueByCenter = GroupCases(inMonth, Name, words);
        var longOpenGroups = GroupCases(longOpen, Name, words);
        var upheldByCenter = upheld.GroupBy(c => c.CenterCode)
            .Select(g => new CenterComplaints(Name(g.Key), g.Select(c => new UpheldComplaint(
                c.ComplaintId, ReportText.Minute(c.ReceivedAt), c.Source, c.Category, c.Verdict, c.WindowName ?? words.WholeCenter, c.Content ?? "")).ToList()))
            .ToList();
        var violationsByCenter = violations.GroupBy(v => v.CenterCode)
            .Select(g => new CenterViolations(Name(g.Key), g.Select(v => new VideoViolation(
                v.CheckId, ReportText.Minute(v.CheckedAt), v.Finding, v.WindowName ?? words.Hall, v.Note ?? "")).ToList()))
            .OrderByDescending(c => c.Checks.Count).ToList();

        var problems = ProblemSentences.Build(new ProblemSentences.Input(county, ranking, inMonth, longOpen, upheld, violations,
            composite.LongOpenDaysPastDue, Name, NamedPerProblem, annexNumbers.LongOpen, Q<BackfillRow>("backfill_bursts"), Q<BadRatingLateRow>("bad_ratings_late")));
        var form = FormOf(settings, countyName, issued: null);
        var placeholders = new Dictionary<string, string>
        {
            ["{month}"] = monthLabel,
            ["{county}"] = countyName,
            ["{red_list}"] = Join(red.Select(r => r.Name)),
            ["{black_list}"] = Join(black.Select(r => r.Name)),
            ["{overdue_centers}"] = Join(problems.Overdue),
            ["{long_open_centers}"] = Join(problems.LongOpen),
            ["{complaint_centers}"] = Join(problems.Complaints),
            ["{video_centers}"] = Join(problems.Video),
            ["{satisfaction_centers}"] = Join(problems.Satisfaction),
        };

        var quality = Quality(connection, p);
        return new MonthlyBriefing(
            Title: words.Title,
            CountyName: countyName,
            MonthLabel: monthLabel,
            Month: first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            GeneratedAt: ReportText.Minute(generatedAt),
            Issuer: string.Join("、", form.IssuingBodies),
            Form: form,
            Overview: Overview(ranking.Count, county, headline, warnings, longOpen.Count, violationKinds),
            Headline: headlineFigures,
            HeadlineTable: HeadlineTable(headlineFigures, words.HeadlineHeaders),
            Problems: problems.Lines,
            Requirements: Requirements(settings.Monthly.Requirements, placeholders)
                .Select(r => r.Replace("{follow_up}", HasFollowUp ? settings.Monthly.FollowUp : "", StringComparison.Ordinal)).ToList(),
            HasFollowUp: HasFollowUp,
            Annexes: words.Annexes,
            Annex: annexNumbers,
            CompositeFormula: CompositeFormula.Of(composite),
            Ranking: ranked,
            RankingTable: CenterTables.Table("ranking", catalogue.Table(RankingSpec), centerRows),
            RedList: red,
            BlackList: black,
            TrendChart: SvgCharts.Line(words.Trend.Title, words.Axes[0].Zip(trendRows, (label, r) => new SvgCharts.Point(label, r.TimelinessRate)).ToList(),
                v => ReportText.Percent(v), max: 1, legend: words.Trend.Legend),
            RankingChart: SvgCharts.Bars(words.Ranking.Title, ranking.Select(r => new SvgCharts.Point(r.CenterName, r.CompositeScore)).ToList(),
                v => v.ToString("0.0", CultureInfo.InvariantCulture), composite.FullMarks, legend: words.Ranking.Legend),
            HeatMap: HeatMap(Q<HeatRow>("heatmap"), heatMonths, words),
            OverdueCaseCount: ReportText.Count(inMonth.Count),
            OverdueByCenter: overdueByCenter,
            LongOpenCaseCount: ReportText.Count(longOpen.Count),
            LongOpenByCenter: longOpenGroups,
            UpheldComplaintCount: ReportText.Count(upheld.Count),
            UpheldByCenter: upheldByCenter,
            VideoViolationCount: ReportText.Count(violations.Count),
            ViolationKinds: string.Join("、", violationKinds),
            ViolationsByCenter: violationsByCenter,
            Improved: words.Movements.Take(improved.Count).ToList(),
            Worsened: words.Movements.Skip(improved.Count).ToList(),
            DataQuality: quality with { AsOf = ReportText.Minute(monthEnd) },
            WorkbookFile: null,
            Rectification: followUp.HasItems ? followUp : null)
        {
            RankingSheet = CenterTables.Sheet(MonthlyWorkbook.SheetNames[0], catalogue.Table(RankingSheetSpec), centerRows),
        };
    }

    /// <summary>The ranking's rows as the query returns them, column by column (so any column of ranking.sql a catalogue
    /// figure names can be printed), in ranking order, with the month's long-open cases (counted from
    /// overdue_cases.sql as <c>long_open_cases</c>) and the 红榜/黑榜 the briefing assigns.</summary>
    private static List<CenterRow> CenterRows(DuckDBConnection connection, object p, List<RankingRow> ranking,
        Dictionary<string, long> longOpenByCenter, int listSize)
    {
        var typed = ranking.ToDictionary(r => r.CenterCode);
        return connection.Query(SqlFiles.Read("reports/monthly/ranking.sql"), p).Cast<IDictionary<string, object?>>().Select(row =>
        {
            var r = typed[(string)row["center_code"]!];
            var values = new Dictionary<string, object?>(row, StringComparer.Ordinal) { ["long_open_cases"] = longOpenByCenter.GetValueOrDefault(r.CenterCode) };
            var list = r.IsEmptyHall || r.Rank > ranking.Count - listSize ? Messages.BlackList : r.Rank <= listSize ? Messages.RedList : "";
            return new CenterRow(r.Rank, r.CenterCode, r.CenterName, list, values);
        }).ToList();
    }

    /// <summary>The month's 存在的问题 as data (what <see cref="Build"/> prints, by the same rules), without issuing anything.</summary>
    public static IReadOnlyList<NamedProblem> NamedProblems(DuckDBConnection connection, DateOnly month)
    {
        using var cache = MartCache.Materialize(connection);
        var first = new DateOnly(month.Year, month.Month, 1);
        var p = new { month = first.ToDateTime(TimeOnly.MinValue), month_end = first.AddMonths(1).ToDateTime(TimeOnly.MinValue).AddTicks(-10) };
        List<T> Q<T>(string name) => connection.Query<T>(SqlFiles.Read($"reports/monthly/{name}.sql"), p).ToList();
        var county = connection.QueryFirstOrDefault<RankingRow>(SqlFiles.Read("reports/monthly/county.sql"), p);
        var ranking = Q<RankingRow>("ranking");
        if (county is null || ranking.Count == 0) return [];
        var names = ranking.ToDictionary(r => r.CenterCode, r => r.CenterName);
        var overdue = Q<OverdueCaseRow>("overdue_cases");
        return ProblemSentences.Build(new ProblemSentences.Input(county, ranking,
            overdue.Where(c => !c.IsLongOpen).ToList(), overdue.Where(c => c.IsLongOpen).ToList(), Q<ComplaintRow>("upheld_complaints"),
            Q<ViolationRow>("video_violations"), CompositeFormula.Load(connection).LongOpenDaysPastDue,
            code => names.GetValueOrDefault(code, code), NamedPerProblem, LongOpenAnnex: "", Q<BackfillRow>("backfill_bursts"),
            Q<BadRatingLateRow>("bad_ratings_late"))).Named;
    }

    private static List<CenterOverdue> GroupCases(List<OverdueCaseRow> rows, Func<string, string> name, MonthlyWords words) =>
        rows.GroupBy(c => c.CenterCode)
            .Select(g => new CenterOverdue(name(g.Key), ReportText.Count(g.Count()), ReportText.Count(g.Sum(c => c.OverdueWorkingDays)),
                g.Select(c => new OverdueCase(c.CaseId, c.WindowName, c.ItemName ?? "", ReportText.Minute(c.AcceptedAt), ReportText.Minute(c.DueAt),
                    c.IsOpen ? words.Open : $"{ReportText.Day(c.CompletedAt!.Value)} {words.Completed}",
                    // past due on a rest day before any working day passed: late, but by less than one working day
                    c.OverdueWorkingDays == 0 ? words.UnderOneDay : ReportText.Count(c.OverdueWorkingDays), ReportText.Count(c.DaysPastDue))).ToList()))
            .OrderByDescending(c => c.Cases.Count).ThenBy(c => c.CenterName, StringComparer.Ordinal).ToList();

    /// <summary>The 通报's fixed parts; without <paramref name="issued"/> a draft, with no 文号 and no date.</summary>
    public static BriefingForm FormOf(ReportSettings settings, string countyName, Issuing.IssuedNumber? issued)
    {
        var m = settings.Monthly;
        string Fill(string text) => text.Replace("{county}", countyName);
        var bodies = m.IssuingBodies.Select(Fill).ToList();
        var issuedOn = issued is null ? "" : ReportText.ChineseDate(issued.IssuedOn);
        return new BriefingForm(bodies, issued?.DocumentNumber ?? "", Fill(m.MainTo), issuedOn, Fill(m.CopyTo),
            string.IsNullOrWhiteSpace(m.PrintedBy) ? bodies[^1] : Fill(m.PrintedBy), issuedOn, IsDraft: issued is null);
    }

    /// <summary>The 基本情况's figures (the sentences are the templates'), with the month before beside them.</summary>
    private static MonthOverview Overview(int centers, RankingRow county, List<HeadlineRow> headline, List<WarningRow> warnings,
        int longOpen, List<string> violationKinds)
    {
        var c = headline.ToDictionary(x => x.Metric);
        // The change's amount as printed ("12", "1.2" points, "0.8"; the sentence adds its unit): one that prints as zero is "flat".
        MonthChange Versus(string metric, Func<double, string> format)
        {
            if (!c.TryGetValue(metric, out var x) || x.Value is null || x.PreviousValue is null) return MonthChange.None;
            var diff = x.Value.Value - x.PreviousValue.Value;
            var amount = format(Math.Abs(diff));
            if (amount is "0.0" or "0") return new MonthChange("flat", amount);
            return new MonthChange(diff > 0 ? "up" : "down", amount);
        }
        string Count(double v) => ReportText.Count((long)Math.Round(v));
        string Points(double v) => (100 * v).ToString("0.0", CultureInfo.InvariantCulture);
        string Score(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        return new MonthOverview(centers.ToString(CultureInfo.InvariantCulture),
            new OverviewCases(ReportText.Count(county.CasesAccepted), Versus("cases_accepted", Count), ReportText.Count(county.CasesCompleted),
                ReportText.Count(county.CompletedOverdue), ReportText.Percent(county.TimelinessRate), Versus("timeliness_rate", Points),
                ReportText.Count(county.BacklogOverdue), longOpen > 0 ? ReportText.Count(longOpen) : "", ReportText.Count(warnings.Sum(w => w.Yellow))),
            new OverviewService(ReportText.Count(county.Complaints), ReportText.Count(county.ComplaintsUpheld), Versus("complaints_upheld", Count),
                ReportText.Percent(county.SatisfactionRate), ReportText.Count(county.VideoChecks), string.Join("、", violationKinds.Take(2)),
                violationKinds.Count > 2, ReportText.Count(county.VideoViolations), ReportText.Percent(county.ViolationRate),
                ReportText.Number(county.CompositeScore), Versus("composite_score", Score)));
    }

    /// <summary>The settings' 下步工作要求 with the month's centers filled in; a paragraph naming an empty list is left out.</summary>
    private static List<string> Requirements(IReadOnlyList<string> templates, Dictionary<string, string> values)
    {
        var result = new List<string>();
        foreach (var text in templates)
        {
            var used = values.Where(v => text.Contains(v.Key, StringComparison.Ordinal)).ToList();
            if (used.Any(v => v.Value.Length == 0)) continue;
            result.Add(used.Aggregate(text, (t, v) => t.Replace(v.Key, v.Value)));
        }
        return result;
    }

    private static string Join(IEnumerable<string> names) => string.Join("、", names);

    /// <summary>The county's figures the catalogue's headline spec names, this month beside the month before and a year before.</summary>
    private static List<HeadlineFigure> Headline(List<HeadlineRow> rows, FigureCatalogue catalogue)
    {
        var byMetric = rows.ToDictionary(r => r.Metric);
        var figures = new List<HeadlineFigure>();
        foreach (var column in catalogue.Table(HeadlineSpec))
        {
            foreach (var f in column.Figures)
            {
                if (!byMetric.TryGetValue(f.Key, out var r)) continue;
                figures.Add(new HeadlineFigure(f.Key, column.Figures.Count == 1 && column.HeaderGiven ? column.Header : f.Name, f.Show(r.Value),
                    f.Show(r.PreviousValue), f.ShowChange(r.Value, r.PreviousValue),
                    f.Show(r.YearAgoValue), f.ShowChange(r.Value, r.YearAgoValue), f.Trend(r.Value, r.PreviousValue)));
            }
        }
        return figures;
    }

    /// <summary>The headline table: a figure per row, the month, the month before and a year before across (the headers
    /// are the partial's, <see cref="MonthlyWords.HeadlineColumns"/>).</summary>
    private static FigureTable HeadlineTable(List<HeadlineFigure> figures, IReadOnlyList<string> headers) => new("headline",
        headers.Select((h, i) => new TableColumn(h, i == 0 ? "" : "num")).ToList(),
        figures.Select(f => new TableRow("", "", [
            new(f.Label, "", ""), new(f.Value, "num", ""), new(f.Previous, "num", ""), new(f.ChangeFromPrevious, $"num {f.Trend}", ""),
            new(f.YearAgo, "num", ""), new(f.ChangeFromYearAgo, "num", "")])).ToList());

    /// <summary>Axis months: the year shown on each January and on the first month, except when the second is a January
    /// (two long labels side by side overlap on the axis; the January beside it says the year).</summary>
    private static List<AxisMonth> AxisMonths(IReadOnlyList<DateOnly> months) =>
        months.Select((m, i) => new AxisMonth(m.Year, m.Month, m.Month == 1 || (i == 0 && !(months.Count > 1 && months[1].Month == 1)))).ToList();

    private static Svg HeatMap(List<HeatRow> rows, List<DateOnly> months, MonthlyWords words)
    {
        var centers = rows.Select(r => (r.CenterCode, r.CenterName)).Distinct().OrderBy(c => c.CenterCode, StringComparer.Ordinal).ToList();
        var cells = rows.ToDictionary(r => (r.CenterCode, r.Month), r => r.TimelinessRate);
        return SvgCharts.HeatMap(words.HeatMap.Title,
            centers.Select(c => c.CenterName).ToList(),
            words.Axes[1],
            (r, c) => cells.GetValueOrDefault((centers[r].CenterCode, months[c])),
            v => ReportText.Percent(v), best: 1, worst: 0.8, emptyLabel: words.HeatMap.Legend);
    }

    /// <summary>The five centers whose composite score rose (or fell) most, explained by the composite's own parts (the
    /// catalogue's figures that feed a part): each part's change in points, largest first; they add up to the score's change.</summary>
    private static List<MovementFacts> Movements(List<ChangeRow> changes, Func<string, string> name, FigureCatalogue catalogue, bool improving)
    {
        var byCenter = changes.GroupBy(c => c.CenterCode).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Metric));
        var scores = changes.Where(c => c.Metric == "composite_score"
                                        && (improving ? c.ChangeFromPrevious > 0.05 : c.ChangeFromPrevious < -0.05))
            .OrderBy(c => improving ? -c.ChangeFromPrevious : c.ChangeFromPrevious).ThenBy(c => c.CenterCode, StringComparer.Ordinal).Take(5);
        return scores.Select(s =>
        {
            var m = byCenter[s.CenterCode];
            var parts = catalogue.CompositeInputs
                .Select(figure => (figure, change: m.TryGetValue(figure.Part!, out var c) ? c.ChangeFromPrevious : 0))
                .Where(x => Math.Abs(x.change) >= 0.05)
                .OrderByDescending(x => Math.Abs(x.change))
                .Select(x => Part(m, x.figure, x.change)).ToList();
            return new MovementFacts(name(s.CenterCode), ReportText.Number(s.PreviousValue), ReportText.Number(s.Value),
                catalogue.ChangeWords.Value(s.Value, s.PreviousValue, "0.0", withPercent: false), parts);
        }).ToList();
    }

    /// <summary>The figure behind a part, before → now, and its points. When the center's own figure did not move the way
    /// its points did (by the figure's direction), the points moved with the county's level (the shrinkage): the shift
    /// says so.</summary>
    private static MovementPart Part(Dictionary<string, ChangeRow> m, Figure figure, double pointsChange)
    {
        var points = Math.Abs(pointsChange).ToString("0.0", CultureInfo.InvariantCulture);
        if (!m.TryGetValue(figure.Key, out var r) || r.Value is null || r.PreviousValue is null)
            return new MovementPart(figure.Name, "", "", "unknown", pointsChange > 0, points);
        var delta = r.Value.Value - r.PreviousValue.Value;
        var shift = Math.Abs(delta) < 1e-9 ? "flat"
            : (delta > 0) == ((figure.Direction == Direction.HigherIsBetter) == pointsChange > 0) ? "own" : "county";
        return new MovementPart(figure.Name, figure.Show(r.PreviousValue), figure.WithUnit(r.Value), shift, pointsChange > 0, points);
    }

    private static DataQuality Quality(DuckDBConnection connection, object p)
    {
        var q = connection.QuerySingle<DataQualityRow>(SqlFiles.Read("reports/monthly/data_quality.sql"), p);
        var files = connection.Query<(string Feed, long Rows)>(SqlFiles.Read("reports/monthly/rejects_by_file.sql"))
            .Select(f => new RejectedFile(Ingest.Feed.All.FirstOrDefault(x => x.Name == f.Feed)?.ChineseName ?? "", ReportText.Count(f.Rows))).ToList();
        var gaps = connection.Query<int>("SELECT year FROM core_calendar_gaps ORDER BY year")
            .Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        return new DataQuality(ReportText.Count(q.FilesLoaded), ReportText.Count(q.FilesSetAside), ReportText.Count(q.RowsRejected), files,
            ReportText.Count(q.LateRecords),
            ReportText.Percent(q.MonthCases == 0 ? null : (double)q.LateRecords / q.MonthCases), ReportText.Count(q.BackfillHours), gaps,
            q.LastLoad is { } t ? ReportText.Minute(t) : "—", "");
    }
}
