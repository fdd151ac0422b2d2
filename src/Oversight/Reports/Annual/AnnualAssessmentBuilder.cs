using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Assessment;
using Oversight.Privacy;
using Oversight.Warehouse;

namespace Oversight.Reports.Annual;

/// <summary>Scores a period with a scheme (sql/reports/annual) and lays out the report as a draft (征求意见稿). Pure: it
/// stores nothing and opens no review period; <see cref="Issuing.AssessmentIssue"/> stores the results
/// (assessment_score / staff_assessment_score, which BI tools read) and records the publication.</summary>
public static class AnnualAssessmentBuilder
{
    public static (AnnualAssessmentReport Report, AssessmentResult Result) Build(DuckDBConnection connection, int year,
        ScoringRules rules, ReportSettings settings, DateTime generatedAt) =>
        Build(connection, AssessmentPeriod.OfYear(year), rules, settings, generatedAt);

    public static (AnnualAssessmentReport Report, AssessmentResult Result) Build(DuckDBConnection connection, AssessmentPeriod period,
        ScoringRules rules, ReportSettings settings, DateTime generatedAt, byte[]? drawKey = null)
    {
        var staff = rules.Subject == "staff";
        var reportDay = DateOnly.FromDateTime(generatedAt);
        var p = new { year = period.Year, first_quarter = period.FirstQuarter, last_quarter = period.LastQuarter,
            period_start = period.Start.ToDateTime(TimeOnly.MinValue), period_end = period.End.ToDateTime(TimeOnly.MinValue) };

        var centers = connection.Query<(string Code, string Name, string? Head, string County)>(SqlFiles.Read("reports/annual/centers.sql")).ToList();
        if (centers.Count == 0) throw new ReportException(Messages.AssessmentNoCenters);
        var dataQuarters = connection.Query<(int Quarter, long Records, DateOnly LastDay)>(SqlFiles.Read("reports/annual/data_quarters.sql"), p)
            .Where(q => q.Quarter >= period.FirstQuarter && q.Quarter <= period.LastQuarter).ToList();
        if (dataQuarters.Count == 0)
            throw new ReportException(Messages.AssessmentNoData(period.Label));
        var quarters = dataQuarters.Select(q => q.Quarter).ToList();
        var lastDay = dataQuarters.Max(q => q.LastDay);

        var centerNames = centers.ToDictionary(c => c.Code, c => c.Name);
        var evidence = connection.Query<EvidenceRow>(SqlFiles.Read(staff ? "reports/annual/staff_evidence.sql" : "reports/annual/evidence.sql"), p)
            .Select(r => r.ToEvidence()).ToList();
        var volumes = connection.Query<Volume>(SqlFiles.Read(staff ? "reports/annual/staff_volumes.sql" : "reports/annual/volumes.sql"), p).ToList();
        var subjects = staff
            ? StaffSubjects(connection, p, evidence, centerNames)
            : centers.Select(c => new AssessedSubject(c.Code, c.Name, c.Code, c.Name, c.Head)).ToList();
        if (subjects.Count == 0) throw new ReportException(Messages.AssessmentNoStaff(period.Label));

        var gate = Gate(connection, p, rules, subjects, staff);
        var result = Scorer.Score(rules, subjects, evidence, volumes, period.Year, quarters, new SampleDraw(drawKey ?? DrawKey(connection)), gate.Findings);

        var countyName = settings.CountyName(centers[0].County);
        var report = new AnnualAssessmentReport(
            Title: Messages.AssessmentTitle(countyName, period.Label, staff),
            CountyName: countyName,
            Period: period.Label,
            GeneratedAt: ReportText.Minute(generatedAt),
            Issuer: settings.Issuer,
            SchemeName: rules.Name,
            RulesDescription: rules.Description,
            IsStaff: staff,
            IsDraft: true,
            SubjectLabel: staff ? Messages.SubjectStaff : Messages.SubjectCenter,
            Coverage: Coverage(period, quarters, lastDay),
            PartialPeriod: Partial(period, quarters, lastDay, reportDay),
            VetoBanners: result.Vetoes!.Where(v => v.Most).Select(v => new VetoBanner(period.Year.ToString(CultureInfo.InvariantCulture),
                AssessmentPeriod.QuarterNames[v.Quarter - 1], v.Subjects.ToString(CultureInfo.InvariantCulture), v.Vetoed.ToString(CultureInfo.InvariantCulture),
                v.RuleLabel, ByTheLetter: rules.Rules.First(r => r.Id == v.RuleId).MaxRate is null)).ToList(),
            Stability: double.IsNaN(result.Stability) ? null
                : new RankingStability(result.Stability.ToString("0.00", CultureInfo.InvariantCulture), Unstable: result.Stability < 0.7),
            Rules: rules.Rules.Select(r => new RuleText(r.Kind.Name, r.Source, r.Label, r.Kind.Formula(r),
                rules.Parts?.FirstOrDefault(x => x.Id == r.Part)?.Label ?? "")).ToList(),
            Parts: (rules.Parts ?? []).Select(x => new PartText(x.Label, N(x.Points))).ToList(),
            Bands: rules.Bands.Select(b => new BandText(b.Name, b.MinScore is { } m ? N(m) : null, b.TopN?.ToString(CultureInfo.InvariantCulture),
                b.RequiresQualified)).ToList(),
            Method: Method(rules, gate.Facts),
            BandGaps: BandGaps(rules, period, result),
            NotEvidenced: rules.NotEvidenced ?? [],
            QuarterHeaders: quarters.Select(q => AssessmentPeriod.QuarterNames[q - 1]).ToList(),
            Ranking: Ranking(settings.Templates, rules, period, quarters, result),
            Honours: rules.Honour is { } h
                ? quarters.Select(q => new HonourText(AssessmentPeriod.QuarterNames[q - 1], h.Name,
                    result.Honours[q].Select(s => Entry(s, q, staff)).ToList(), HonourWhy(rules, result, q, staff))).ToList()
                : [],
            AppealNotice: Notice(rules, null),
            Appeals: AppealsOf(connection, p, centerNames),
            Appendix: Appendix(settings.Templates, rules, result.Subjects.OrderBy(s => s.Subject.CenterCode, StringComparer.Ordinal)
                .ThenBy(s => s.Subject.Key, StringComparer.Ordinal).ToList(), staff),
            Form: Form(settings, countyName, null))
        {
            Accountability = AssessmentAccountability.For(connection, period.Start, period.End),
        };
        return (AssessmentTables.LaidOut(report, settings.Figures), result);
    }

    /// <summary>The 公文 parts from settings.json's monthly section (the same offices issue both); an issued assessment is
    /// dated the day its 公示 starts, a draft (no <paramref name="publishedOn"/>) has no date. No 文号: the assessment is not numbered.</summary>
    public static Monthly.BriefingForm Form(ReportSettings settings, string countyName, DateOnly? publishedOn)
    {
        var m = settings.Monthly;
        string Fill(string text) => text.Replace("{county}", countyName);
        var bodies = m.IssuingBodies.Select(Fill).ToList();
        var date = publishedOn is { } d ? ReportText.ChineseDate(d) : "";
        return new Monthly.BriefingForm(bodies, "", Fill(m.MainTo), date, Fill(m.CopyTo),
            string.IsNullOrWhiteSpace(m.PrintedBy) ? bodies[^1] : Fill(m.PrintedBy), date, IsDraft: publishedOn is null);
    }

    /// <summary>The deployment key beside the database: the sample draw is reproducible by whoever holds it.</summary>
    public static byte[] DrawKey(DuckDBConnection connection)
    {
        var source = connection.ConnectionString.Split(';')[0];
        var path = source[(source.IndexOf('=') + 1)..].Trim();
        var keyPath = KeyFile.PathFor(path);
        if (!File.Exists(keyPath)) throw new ReportException(Messages.AssessmentNoDrawKey(keyPath));
        return KeyFile.Load(path);
    }

    private static List<AssessedSubject> StaffSubjects(DuckDBConnection connection, object p, List<Evidence> evidence,
        Dictionary<string, string> centerNames)
    {
        // Where the records place a member: the center and window most of their records name (the staff feed's otherwise).
        var placed = evidence.Where(e => e.CenterCode is not null).GroupBy(e => e.Subject)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => (e.CenterCode!, e.WindowCode)).OrderByDescending(x => x.Count()).First().Key);
        return connection.Query<(string Id, string Name, string Center, string CenterName, string? Window, string County, string? Post)>(
                SqlFiles.Read("reports/annual/staff.sql"), p)
            .Select(s =>
            {
                var (center, window) = placed.TryGetValue(s.Id, out var at) ? at : (s.Center, s.Window);
                return new AssessedSubject(s.Id, s.Name, center, centerNames.GetValueOrDefault(center, s.CenterName), null, window,
                    string.IsNullOrWhiteSpace(s.Post) ? Messages.NoPost : s.Post.Trim());
            }).ToList();
    }

    /// <summary>The credibility gate: per subject and quarter, why it may not be honoured (empty hall, back-filled records,
    /// too few cases for its residents or windows), from sql/reports/annual/credibility.sql; and the gate's facts for 一、考核方法.</summary>
    private static (Dictionary<(string, int), IReadOnlyList<Ineligibility>> Findings, GateFacts Facts) Gate(DuckDBConnection connection, object p,
        ScoringRules rules, List<AssessedSubject> subjects, bool staff)
    {
        var g = rules.Gate;
        var rows = connection.Query<CredibilityRow>(SqlFiles.Read("reports/annual/credibility.sql"), p).ToList();
        var byCenter = new Dictionary<(string, int), List<Ineligibility>>();
        foreach (var r in rows)
        {
            var found = new List<Ineligibility>();
            if (g.EmptyHall && r.IsEmptyHall)
                found.Add(new EmptyHallReason(I(r.VideoChecks), I(r.EmptyChecks)));
            if (g.Fabricated && r.Cases > 0 && r.Backfilled > r.FabricatedBackfillShare * r.Cases)
                found.Add(new BackfilledReason(I(r.Cases), I(r.Backfilled), I(r.BackfillHours)));
            if (!staff && g.MinCasesPerThousandResidents is { } perRes && r.Population is > 0 && r.Cases < perRes * r.Population.Value / 1000)
                found.Add(new FewPerResidentReason((r.Cases * 1000.0 / r.Population.Value).ToString("0.#", CultureInfo.InvariantCulture), N(perRes)));
            if (!staff && g.MinCasesPerWindow is { } perWin && r.Windows > 0 && r.Cases < perWin * r.Windows)
                found.Add(new FewPerWindowReason((r.Cases / (double)r.Windows).ToString("0.#", CultureInfo.InvariantCulture), N(perWin)));
            if (found.Count > 0) byCenter[(r.CenterCode, r.Quarter)] = found;
        }
        var findings = new Dictionary<(string, int), IReadOnlyList<Ineligibility>>();
        foreach (var s in subjects)
            foreach (var ((center, q), found) in byCenter)
                if (center == s.CenterCode) findings[(s.Key, q)] = staff ? found.Select(f => f with { AtCenter = true }).ToList() : found;

        var setting = rows.FirstOrDefault();
        var facts = new GateFacts(
            g.EmptyHall && setting is not null ? new EmptyHallTest(setting.EmptyHallMinChecks.ToString(CultureInfo.InvariantCulture),
                setting.EmptyHallCheckShare.ToString("0%", CultureInfo.InvariantCulture)) : null,
            g.Fabricated && setting is not null ? new BackfillTest(setting.FabricatedBackfillShare.ToString("0%", CultureInfo.InvariantCulture),
                setting.BackfillHours.ToString(CultureInfo.InvariantCulture)) : null,
            !staff && g.MinCasesPerThousandResidents is { } a ? N(a) : null,
            !staff && g.MinCasesPerWindow is { } b ? N(b) : null,
            g.MinCases?.ToString(CultureInfo.InvariantCulture),
            g.MinScore is { } d ? N(d) : null);
        return (findings, facts);
    }

    /// <summary>The review period's notice: a draft's says only how long it will be; an issued one its dates.</summary>
    public static AppealNotice Notice(ScoringRules rules, (DateOnly PublishedOn, DateOnly Deadline)? publication) =>
        new(publication is { } p ? Day(p.PublishedOn) : "", publication is { } d ? Day(d.Deadline) : "",
            rules.AppealTermsOrDefault.WorkingDays.ToString(CultureInfo.InvariantCulture), rules.AppealTermsOrDefault.Address,
            rules.AppealTermsOrDefault.Bring);

    /// <summary>The headline ranking (the year's, or the quarter's) from the scores as they are stored (rounded to 0.01), in
    /// rank order within each group; subjects that share a rank are marked 并列.</summary>
    private static List<RankedRow> Ranking(TemplateFolder templates, ScoringRules rules, AssessmentPeriod period, List<int> quarters,
        AssessmentResult result)
    {
        var headline = result.Subjects.Select(s => (s, h: period.IsYear
                ? (Score: s.Score, Rank: s.Rank, Band: s.Band)
                : s.Quarter(period.FirstQuarter) is { } q ? (q.Score, q.Rank, q.Band) : (Score: double.NaN, Rank: 0, Band: "")))
            .Where(x => !double.IsNaN(x.h.Score)).ToList();
        var ordered = headline.OrderBy(x => x.s.Subject.Group ?? "", StringComparer.Ordinal).ThenBy(x => x.h.Rank)
            .ThenBy(x => x.s.Subject.Key, StringComparer.Ordinal).Select(x =>
            {
                var standing = period.IsYear ? x.s.Standing : x.s.Quarter(period.FirstQuarter)!.Standing;
                var cells = new RankCells(x.h.Rank, Tied: headline.Count(o => o.h.Rank == x.h.Rank && o.s.Subject.Group == x.s.Subject.Group) > 1,
                    x.s.Quarters.Where(q => q.Disqualified).Select(q => AssessmentPeriod.QuarterNames[q.Quarter - 1]).ToList(),
                    standing.Ineligible.Where(i => i.Group != Ineligibility.Veto).Distinct().ToList());
                return (x.s, x.h, standing, cells);
            }).ToList();
        var worded = AssessmentWording.RankingCells(templates, ordered.Select(x => x.cells).ToList());
        return ordered.Select((x, i) =>
        {
            var s = x.s;
            var qs = quarters.Select(q => s.Quarter(q) is { } r ? N(Math.Round(r.Score, 2)) : "—").ToList();
            var (rankText, vetoed, gate) = (worded[i][0], worded[i][1], worded[i][2]);
            return new RankedRow(x.h.Rank, s.Subject.Key, s.Subject.Name, s.Subject.CenterName,
                rules.Subject == "staff" ? s.Subject.WindowCode ?? "" : s.Subject.Head ?? "", qs, N(Math.Round(x.h.Score, 2)), x.h.Band,
                vetoed, N(s.Deductions), N(s.Additions), rankText,
                double.IsNaN(x.standing.Low) ? "—" : $"{N(x.standing.Low)}–{N(x.standing.High)}", x.standing.Tier.ToString(CultureInfo.InvariantCulture),
                s.Subject.Group ?? "", gate);
        }).ToList();
    }

    /// <summary>Each subject's quarters and lines; the lines' notes and 复核 cells worded in one pass.</summary>
    private static List<SubjectAppendix> Appendix(TemplateFolder templates, ScoringRules rules, List<SubjectScore> subjects, bool staff)
    {
        var cells = new Queue<(string Note, string Appeal)>(
            AssessmentWording.LineCells(templates, subjects.SelectMany(s => s.Quarters.SelectMany(q => q.Lines)).ToList()));
        return subjects.Select(s => new SubjectAppendix(s.Subject.Key, s.Subject.Name, s.Subject.CenterName,
            staff ? s.Subject.WindowCode ?? "" : "", staff ? "" : s.Subject.Head ?? "", N(s.Score),
            s.Quarters.Select(q => new QuarterAppendix(AssessmentPeriod.QuarterNames[q.Quarter - 1], N(rules.BasePoints), Signed(q.Lines.Sum(l => l.Points)),
                N(q.Score), q.Floored ? N(rules.MinQuarterScore!.Value) : null, q.Band, q.Disqualified,
                q.Lines.Select(l =>
                {
                    var (note, appeal) = cells.Dequeue();
                    return new LineText(Day(l.Date), l.Source, l.RecordId, l.RuleLabel, N(l.Quantity), Signed(l.Points), note, appeal);
                }).ToList())).ToList())).ToList();
    }

    private static List<AppealText> AppealsOf(DuckDBConnection connection, object p, Dictionary<string, string> names) =>
        connection.Query<AppealRow>(SqlFiles.Read("reports/annual/appeals.sql"), p).Select(a => new AppealText(
            a.AppealId, names.GetValueOrDefault(a.CenterCode, a.CenterCode), a.Source, a.RecordId,
            a.Action == "withdraw" ? Messages.AppealDecisionWithdrawn
            : a.NewQuantity is { } nq && Math.Abs(nq - a.OriginalQuantity) < 1e-9 ? Messages.AppealDecisionKept
            : Messages.AppealDecisionChanged(N(a.OriginalQuantity), N(a.NewQuantity ?? 0)),
            a.Reason, a.Approver, Day(a.DecidedOn),
            Messages.AppealFiled(a.FiledOn is { } f ? Day(f) : "", a.LateApprovedBy ?? ""))).ToList();

    private static CoverageFacts Coverage(AssessmentPeriod period, List<int> quarters, DateOnly lastDay) =>
        new(period.Year.ToString(CultureInfo.InvariantCulture), period.IsYear, quarters.Select(q => AssessmentPeriod.QuarterNames[q - 1]).ToList(),
            lastDay < period.End ? Day(lastDay) : "");

    /// <summary>A period not yet over (or whose data stop before its end) is marked on the first page.</summary>
    private static PartialPeriod? Partial(AssessmentPeriod period, List<int> quarters, DateOnly lastDay, DateOnly reportDay)
    {
        if (period.End <= lastDay && (!period.IsYear || quarters.Count == 4)) return null;
        var missing = period.IsYear ? Enumerable.Range(1, 4).Except(quarters).Select(q => AssessmentPeriod.QuarterNames[q - 1]).ToList() : [];
        return new PartialPeriod(period.IsYear, reportDay <= period.End, Day(period.End), Day(lastDay), Day(lastDay.AddDays(1)), missing);
    }

    /// <summary>Where nobody holds the top band (e.g. 优秀): the cut-off fell inside a 档次 or nobody qualified.</summary>
    private static List<BandGap> BandGaps(ScoringRules rules, AssessmentPeriod period, AssessmentResult result)
    {
        if (rules.Bands.FirstOrDefault(b => b.TopN is not null) is not { } top) return [];
        var standings = result.Subjects.Select(s => (s.Subject.Group, Band: period.IsYear ? s.Band : s.Quarter(period.FirstQuarter)!.Band,
            Standing: period.IsYear ? s.Standing : s.Quarter(period.FirstQuarter)!.Standing)).ToList();
        return standings.GroupBy(x => x.Group).Where(g => !g.Any(x => x.Band == top.Name))
            .Select(g => new BandGap(g.Key ?? "", top.Name, g.Count(x => x.Standing.Eligible), g.Count(x => x.Standing.Tier == 1),
                top.TopN!.Value.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    private static HonourEntry Entry(SubjectScore s, int q, bool staff)
    {
        var r = s.Quarter(q)!;
        var none = double.IsNaN(r.Standing.Low);
        return new HonourEntry(s.Subject.Name, staff ? s.Subject.CenterName : "", N(r.Score), none ? null : N(r.Standing.Low),
            none ? null : N(r.Standing.High), r.Standing.Tier.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Why the honour list of a quarter is what it is: the next 档次 it stands apart from, or why it is empty.</summary>
    private static HonourWhy HonourWhy(ScoringRules rules, AssessmentResult result, int q, bool staff)
    {
        var list = result.Honours[q];
        var eligible = result.Subjects.Count(s => s.Quarter(q)!.Standing.Eligible);
        var next = list.Count == 0 ? null : result.Subjects
            .Where(s => !list.Contains(s) && s.Quarter(q)!.Standing.Eligible && s.Quarter(q)!.Score <= list.Min(x => x.Quarter(q)!.Score))
            .OrderByDescending(s => s.Quarter(q)!.Score).FirstOrDefault();
        return new HonourWhy(eligible, rules.Honour!.TopN.ToString(CultureInfo.InvariantCulture), rules.RankingOrDefault.TieAtCutoff == "all",
            next is null ? null : Entry(next, q, staff));
    }

    private static MethodFacts Method(ScoringRules rules, GateFacts gate)
    {
        var rk = rules.RankingOrDefault;
        return new MethodFacts(N(rules.BasePoints), (rules.Parts ?? []).Select(x => new PartText(x.Label, N(x.Points))).ToList(),
            rules.MinQuarterScore is { } min ? N(min) : null,
            rules.MaxAdditionsPerQuarter is { } add ? N(add) : null,
            rules.MaxAdditionsPerQuarter is { } add2 ? N(rules.BasePoints + add2) : null,
            rules.Rules.Any(r => r.PointsPerUnit > 0),
            RuleKind.All.Where(k => rules.Rules.Any(r => r.Kind == k)).Select(k => k.MethodNote(rules)).OfType<string>().ToList(),
            rules.Honour is { } h ? new HonourRule(h.Name, h.TopN.ToString(CultureInfo.InvariantCulture)) : null,
            rules.Rules.Select(r => r.Kind.RuleNote(r)).OfType<string>().ToList(),
            gate,
            rules.Bands.Where(b => b.RequiresQualified || b.TopN is not null).Select(b => b.Name).Distinct().ToList(),
            new RankingFacts(rk.Level.ToString("0%", CultureInfo.InvariantCulture), rk.BootstrapDraws.ToString(CultureInfo.InvariantCulture),
                rk.BootstrapDraws > 0, rk.RequireSeparation, rk.TieAtCutoff == "all", rk.CompareWithin == "post"));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Signed(double v) => v > 0 ? "+" + N(v) : v < 0 ? "−" + N(-v) : "0";

#pragma warning disable CS8618 // set by Dapper
    private sealed class CredibilityRow
    {
        public string CenterCode { get; set; }
        public int Quarter { get; set; }
        public long Cases { get; set; }
        public long Backfilled { get; set; }
        public int? Population { get; set; }
        public long Windows { get; set; }
        public long VideoChecks { get; set; }
        public long EmptyChecks { get; set; }
        public bool IsEmptyHall { get; set; }
        public double EmptyHallCheckShare { get; set; }
        public int EmptyHallMinChecks { get; set; }
        public double FabricatedBackfillShare { get; set; }
        public int BackfillHours { get; set; }
    }

    private sealed class EvidenceRow
    {
        public string Source { get; set; }
        public string RecordId { get; set; }
        public string Subject { get; set; }
        public string? CenterCode { get; set; }
        public string? WindowCode { get; set; }
        public DateOnly OccurredOn { get; set; }
        public int Quarter { get; set; }
        public string? Attribute { get; set; }
        public string? Classes { get; set; }
        public double OriginalQuantity { get; set; }
        public double Quantity { get; set; }
        public long? AppealId { get; set; }
        public string? AppealAction { get; set; }
        public string? AppealReason { get; set; }
        public string? AppealApprover { get; set; }
        public DateOnly? AppealDecidedOn { get; set; }

        public Evidence ToEvidence() => new(Source, RecordId, Subject, OccurredOn, Quarter, Attribute, OriginalQuantity, Quantity,
            AppealId is { } id
                ? new Appeal(id, AppealAction == "change" && Math.Abs(Quantity - OriginalQuantity) < 1e-9 ? "keep" : AppealAction!,
                    AppealReason!, AppealApprover!, AppealDecidedOn!.Value)
                : null,
            CenterCode, WindowCode, Classes);
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
        public DateOnly? FiledOn { get; set; }
        public string? LateApprovedBy { get; set; }
        public string CenterCode { get; set; }
        public double OriginalQuantity { get; set; }
    }
#pragma warning restore CS8618
}
