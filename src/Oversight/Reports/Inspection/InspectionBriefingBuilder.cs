using System.Globalization;
using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Analytics;
using Oversight.Warehouse;

namespace Oversight.Reports.Inspection;

/// <summary>Draws up the inspection plan for the month after <c>month</c> from the warehouse and lays out the
/// briefing's view model. Scores the month's flags first if the nightly run has not.</summary>
public static class InspectionBriefingBuilder
{

    public sealed record Result(InspectionBriefing Briefing, Plan Plan, DateOnly Month);

    public static Result Build(DuckDBConnection connection, string dbPath, byte[] key, DateOnly month, int planSize,
        string recipient, ReportSettings settings, DateTime generatedAt, string generatedBy, IReadOnlyList<StoredPlan> log,
        FlagSettings? flagSettings = null, bool draft = false)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var p = new { month = first.ToDateTime(TimeOnly.MinValue) };
        var notes = new List<string>();
        // One read of the marts for the scoring and the briefing (scoring writes only its own ml_ tables).
        using var cache = MartCache.Materialize(connection);
        string? rankingBasis = null;
        try { rankingBasis = Flagging.ScoreMonth(connection, dbPath, Calendar.Month.Of(first), flagSettings ?? new FlagSettings()).Choice.Text; }
        catch (AnalyticsException ex) { notes.Add(Messages.InspectionNotScored(ex.Message)); }

        List<T> Q<T>(string name) => connection.Query<T>(SqlFiles.Read($"reports/inspection/{name}.sql"), p).ToList();
        var candidates = Q<CandidateRow>("candidates");
        if (candidates.Count == 0) throw new ReportException(Messages.InspectionNoCenters);
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM fct_case WHERE date_trunc('month', accepted_at) = $month", p) == 0)
            throw new ReportException(Messages.InspectionNoCases(Calendar.Month.Of(first)));

        var inspection = InspectionSettings.Load(connection);
        // Earlier plans' proposals, the latest generation of each month, for rotation (from the restricted log).
        var history = log.Where(h => h.Month < first).GroupBy(h => h.Month).Select(g => g.MaxBy(h => h.PlanId)!)
            .SelectMany(h => h.Items.Select(i => new PastProposal(h.Month, i.CenterCode, i.EvidenceKey))).ToList();
        var plan = new InspectionPlanner(key, planSize).Draw(first, PlanCandidates(candidates), history);

        var byCode = candidates.ToDictionary(c => c.CenterCode);
        var windows = Q<WindowFlagRow>("windows").ToLookup(w => w.CenterCode);
        var timing = Q<TimingSlotRow>("video_timing").ToLookup(e => e.CenterCode);
        var markets = Q<MarketDayRow>("market_days").ToDictionary(m => m.CenterCode);
        var countyCode = connection.ExecuteScalar<string?>("SELECT min(county_code) FROM dim_center");
        var countyName = settings.CountyName(countyCode);
        var visitMonth = first.AddMonths(1);
        var record = InspectionRecord.Compute(log, Q<VisitRow>("unannounced_visits"), first);

        // The partial words what the program lays out (inspection/sentences.sbn): first the briefing's fixed words...
        var fixedWords = Wording.Render(settings.Templates, InspectionWording.Partial,
            new { CountyName = countyName, VisitMonthLabel = ReportText.Month(visitMonth), Record = record, Formula = inspection.Formula },
            ["briefing_title", "no_ranking_basis", "record_summary record", "priority_formula_of formula",
             .. new[] { "noPhone", "wholeHall", "underOneDay" }.Select(w => $"evidence_word {Wording.Quote(w)}")]);
        var evidence = Evidence(Q<BackfilledCaseRow>("evidence_backfilled"), Q<ReusedPhoneRow>("evidence_reused_phones"),
            Q<VideoEvidenceRow>("evidence_video"), Q<OverdueEvidenceRow>("evidence_overdue"), Q<UpheldEvidenceRow>("evidence_upheld"),
            new EvidenceWords(fixedWords[4], fixedWords[5], fixedWords[6]));

        var drafts = plan.Proposals.Select(proposal =>
        {
            var c = byCode[proposal.CenterCode];
            var flagged = windows[c.CenterCode].Where(w => w.Rank <= 10).Take(3)
                .Select(w => new PlannedWindow(w.WindowCode, w.WindowName, ReportText.Percent(w.Score), Reasons(w.Reasons))).ToList();
            var facts = new CenterFacts(
                proposal.Basis == InspectionPlanner.Evidence ? "evidence" : "rotation",
                c.LastVisitAt is { } at ? new LastVisitFacts(ReportText.Day(at), (c.LastVisitProblems ?? 0).ToString(CultureInfo.InvariantCulture),
                    string.IsNullOrWhiteSpace(c.LastVisitFindings) ? "" : c.LastVisitFindings) : new LastVisitFacts("", "", ""),
                WhenToGo(timing[c.CenterCode].ToList(), inspection.TimingMinChecks, markets.GetValueOrDefault(c.CenterCode)),
                evidence(c.CenterCode));
            return (proposal, c, flagged, facts);
        }).ToList();
        // ...then each center's: its basis, last visit, when to go and the lag of each backfilled case.
        var calls = drafts.SelectMany((d, i) => new[] { $"plan_basis centers[{i}].basis", $"last_visit centers[{i}].last_visit" }
            .Concat(d.facts.Notes.Select((_, j) => $"timing_note centers[{i}].notes[{j}]"))
            .Concat(d.facts.Evidence.Backfilled.Select((_, j) => $"evidence_lag centers[{i}].evidence.backfilled[{j}].lag"))).ToList();
        var words = new Queue<string>(Wording.Render(settings.Templates, InspectionWording.Partial, new { Centers = drafts.Select(d => d.facts).ToList() }, calls));

        var centers = drafts.Select(d =>
        {
            var (proposal, c, flagged, facts) = d;
            var basis = words.Dequeue();
            var lastVisit = words.Dequeue();
            var when = facts.Notes.Select(_ => words.Dequeue()).ToList();
            var annex = facts.Evidence with { Backfilled = facts.Evidence.Backfilled.Select(b => b with { Lag = words.Dequeue() }).ToList() };
            return new PlannedCenter(proposal.Position, c.CenterCode, c.CenterName, basis,
                ReportText.Number(c.Priority, "0.00"),
                Why(c, proposal, flagged),
                flagged,
                Checks(c, flagged, annex),
                when,
                lastVisit,
                annex,
                Rectification.RectificationRecheck.For(connection, c.CenterCode, first.AddMonths(1).AddDays(-1)));
        }).ToList();

        var briefing = new InspectionBriefing(
            Title: fixedWords[0],
            CountyName: countyName,
            Month: first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            DataMonthLabel: ReportText.Month(first),
            VisitMonthLabel: ReportText.Month(visitMonth),
            Recipient: recipient,
            GeneratedAt: ReportText.Minute(generatedAt),
            GeneratedBy: generatedBy,
            Issuer: settings.Issuer,
            PriorityFormula: fixedWords[3],
            RankingBasis: rankingBasis ?? fixedWords[1],
            Centers: centers,
            HeldBack: plan.HeldBack.Select(code => byCode[code].CenterName).ToList(),
            Record: record with { Summary = fixedWords[2] },
            Notes: notes,
            // 份号: this number in the restricted log (InspectionLog.Record gives it the same one); a draft takes none.
            CopyNumber: draft ? "" : ((log.Count == 0 ? 0 : log.Max(p => p.PlanId)) + 1).ToString("D6", CultureInfo.InvariantCulture),
            IsDraft: draft,
            IssuedOn: draft ? "" : ReportText.ChineseDate(DateOnly.FromDateTime(generatedAt)));
        return new Result(briefing, plan, first);
    }

    /// <summary>The candidates as the planner sees them: strong empty-hall/fabrication evidence always in, the top
    /// listed center and the center of the top listed window pinned.</summary>
    public static IReadOnlyList<PlanCandidate> PlanCandidates(IReadOnlyList<CandidateRow> candidates) =>
        candidates.Select(c => new PlanCandidate(c.CenterCode, c.Priority, EvidenceKey(c),
            Pinned: (c.CenterListed && c.CenterRank == 1) || c.BestWindowRank == 1, Strong: c.CenterStrong)).ToList();

    /// <summary>What the proposal rests on, coarsely: the same key two months running means the same evidence.</summary>
    public static string EvidenceKey(CandidateRow c) => string.Join("|",
        c.CenterListed ? "center" : "-",
        c.BestWindowRank <= 10 ? "window" : "-",
        c.RedWarnings switch { 0 => "red0", < 5 => "red1-4", _ => "red5+" },
        c.UpheldComplaints > 0 ? "upheld" : "-",
        c.VideoViolations switch { 0 => "video0", < 3 => "video1-2", _ => "video3+" });

    /// <summary>Why the center is proposed, as facts; the sentences are inspection/sentences.sbn's (visit_reason).</summary>
    private static IReadOnlyList<VisitReason> Why(CandidateRow c, Proposal proposal, IReadOnlyList<PlannedWindow> windows)
    {
        var why = new List<VisitReason>();
        if (proposal.Basis == InspectionPlanner.Rotation)
            why.Add(new VisitReason("rotation") { Since = proposal.LastProposed is { } last ? last.ToString("yyyy-MM", CultureInfo.InvariantCulture) : "" });
        var centerReasons = Reasons(c.CenterReasons ?? "[]");
        if (c.CenterListed && centerReasons.Count > 0)
            why.Add(new VisitReason("emptyCenterFlag") { Rank = c.CenterRank?.ToString(CultureInfo.InvariantCulture) ?? "", Names = string.Join("；", centerReasons) });
        if (windows.Count > 0) why.Add(new VisitReason("windows") { Names = string.Join("、", windows.Select(w => w.Name)) });
        // Counts only beside their denominators and the county's rate.
        if (c.RedWarnings > 0)
            why.Add(new VisitReason("redWarnings")
            {
                Of = c.OpenCases.ToString(CultureInfo.InvariantCulture), Count = c.RedWarnings.ToString(CultureInfo.InvariantCulture),
                Rate = ReportText.Percent((double)c.RedWarnings / c.OpenCases), County = ReportText.Percent(c.CountyRedShare ?? 0),
            });
        if (c.UpheldComplaints > 0)
            why.Add(new VisitReason("upheldComplaints")
            {
                Of = c.Cases3m.ToString(CultureInfo.InvariantCulture), Count = c.UpheldComplaints.ToString(CultureInfo.InvariantCulture),
                Among = c.UpheldBribery > 0 ? c.UpheldBribery.ToString(CultureInfo.InvariantCulture) : "",
                Rate = ReportText.Number(1000.0 * c.UpheldComplaints / Math.Max(1, c.Cases3m), "0.0"),
                County = ReportText.Number(1000 * (c.CountyUpheldRate ?? 0), "0.0"),
            });
        if (c.VideoViolations > 0)
            why.Add(new VisitReason("videoViolations")
            {
                Of = c.VideoChecks.ToString(CultureInfo.InvariantCulture), Count = c.VideoViolations.ToString(CultureInfo.InvariantCulture),
                Among = c.EmptyHallChecks > 0 ? c.EmptyHallChecks.ToString(CultureInfo.InvariantCulture) : "",
                Rate = ReportText.Percent((double)c.VideoViolations / Math.Max(1, c.VideoChecks)), County = ReportText.Percent(c.CountyViolationRate ?? 0),
            });
        if (why.Count == 0) why.Add(new VisitReason("none"));
        return why;
    }

    /// <summary>What to check there, as facts; the sentences are inspection/sentences.sbn's (visit_check).</summary>
    private static IReadOnlyList<VisitCheck> Checks(CandidateRow c, IReadOnlyList<PlannedWindow> windows, EvidenceAnnex annex)
    {
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        var checks = new List<VisitCheck>();
        if (c.VideoViolations > 0 || c.EmptyHallChecks > 0) checks.Add(new VisitCheck("observeHall"));
        if (annex.VideoChecks.Count > 0) checks.Add(new VisitCheck("videoRecordings") { Count = N(annex.VideoChecks.Count) });
        if (annex.Backfilled.Count > 0) checks.Add(new VisitCheck("backfilledCases") { Count = N(annex.Backfilled.Count) });
        if (annex.ReusedPhones.Count > 0)
            checks.Add(new VisitCheck("reusedPhones") { Count = N(annex.ReusedPhones.Count), Cases = N(annex.ReusedPhones.Sum(p => p.CaseCount)) });
        if (c.IdleStaffShare >= 0.3) checks.Add(new VisitCheck("idleStaff"));
        foreach (var w in windows) checks.Add(new VisitCheck("window") { Window = w.Name });
        if (annex.Overdue.Count > 0) checks.Add(new VisitCheck("overdueCases") { Count = N(annex.Overdue.Count) });
        if (annex.Upheld.Count > 0) checks.Add(new VisitCheck("upheldComplainants") { Count = N(annex.Upheld.Count) });
        if (c.UpheldBribery > 0) checks.Add(new VisitCheck("bribery"));
        checks.Add(new VisitCheck("routine"));
        return checks;
    }

    private static IReadOnlyList<TimingNote> WhenToGo(IReadOnlyList<TimingSlotRow> slots, int minChecks, MarketDayRow? market)
    {
        var when = InspectionTiming.Notes(slots, minChecks).ToList();
        when.Add(market is { IsMarketTown: true }
            ? new TimingNote("marketDay") { MarketDays = market.MarketDays, Lift = ReportText.Percent(market.Lift - 1) }
            : new TimingNote("noMarketDay"));
        return when;
    }

    /// <summary>What a proposed center's sentences are worded from (the basis: evidence or rotation).</summary>
    private sealed record CenterFacts(string Basis, LastVisitFacts LastVisit, IReadOnlyList<TimingNote> Notes, EvidenceAnnex Evidence);

    /// <summary>The last unannounced visit: its day ("" for none on record), problems found and findings.</summary>
    private sealed record LastVisitFacts(string Day, string Problems, string Findings);

    /// <summary>The evidence annex's words for a missing phone, a check of the whole hall, and under one working day.</summary>
    private sealed record EvidenceWords(string NoPhone, string WholeHall, string UnderOneDay);

    /// <summary>The evidence annex of each center, from the evidence queries' rows.</summary>
    private static Func<string, EvidenceAnnex> Evidence(IReadOnlyList<BackfilledCaseRow> backfilled, IReadOnlyList<ReusedPhoneRow> phones,
        IReadOnlyList<VideoEvidenceRow> video, IReadOnlyList<OverdueEvidenceRow> overdue, IReadOnlyList<UpheldEvidenceRow> upheld, EvidenceWords words)
    {
        var b = backfilled.ToLookup(r => r.CenterCode);
        var p = phones.ToLookup(r => r.CenterCode);
        var v = video.ToLookup(r => r.CenterCode);
        var o = overdue.ToLookup(r => r.CenterCode);
        var u = upheld.ToLookup(r => r.CenterCode);
        return code => new EvidenceAnnex(
            b[code].Select(r => new BackfilledCase(r.CaseId, r.WindowName ?? "—", r.ItemName ?? "—", ReportText.Minute(r.AcceptedAt),
                ReportText.Minute(r.RecordedAt), ReportText.Day(r.InspectionAt),
                // The days late; the partial words it (evidence_lag).
                ReportText.Number((r.RecordedAt - r.AcceptedAt).TotalDays, "0.0"))).ToList(),
            // One number once, whatever months it was reused in.
            p[code].GroupBy(r => r.PhoneKey)
                .Select(g => new ReusedPhone(string.Join("、", g.Select(r => r.Month).Distinct().Order().Select(ReportText.Month)),
                    g.First().PhoneMasked ?? words.NoPhone, g.Select(r => r.CaseId).Distinct().Count(),
                    string.Join("、", g.Select(r => r.CaseId).Distinct()))).ToList(),
            v[code].Select(r => new VideoEvidence(r.CheckId, ReportText.Minute(r.CheckedAt), r.WindowName ?? words.WholeHall, r.Finding)).ToList(),
            o[code].Select(r => new OverdueCase(r.CaseId, r.WindowName ?? "—", r.ItemName ?? "—", ReportText.Minute(r.AcceptedAt),
                ReportText.Minute(r.DueAt), r.OverdueWorkingDays < 1 ? words.UnderOneDay : ReportText.Count(r.OverdueWorkingDays))).ToList(),
            u[code].Select(r => new UpheldComplaint(r.ComplaintId, ReportText.Minute(r.ReceivedAt), r.WindowName ?? "—", r.Category, r.Verdict,
                r.CaseId ?? "—")).ToList());
    }

    private static IReadOnlyList<string> Reasons(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
