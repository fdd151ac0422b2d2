using System.Globalization;

namespace Oversight.Assessment;

/// <summary>One line of the appendix: a rule applied to a record (or, for a rate rule, to the quarter's rate), with
/// the points it gave. A quarter's score is the base points plus the sum of its lines (not below the floor), so every
/// score can be checked line by line. <see cref="Notes"/> say how the points came about (worded by the annual partial).</summary>
public sealed record ScoreLine(string Subject, int Quarter, DateOnly Date, string Source, string RecordId, string RuleId,
    string RuleLabel, double Quantity, double Points, IReadOnlyList<LineNote> Notes, Appeal? Appeal = null, bool Disqualifies = false);

/// <summary>Where a subject stands in a ranking: its score's interval (bootstrap over the period's records), its 档次
/// (subjects whose intervals overlap the tier's leader share one), and whether it may be honoured and why not.</summary>
public sealed record Standing(double Low, double High, int Tier, IReadOnlyList<Ineligibility> Ineligible)
{
    public bool Eligible => Ineligible.Count == 0;
    public static readonly Standing None = new(double.NaN, double.NaN, 1, []);
}

public sealed record QuarterResult(int Quarter, double Score, int Rank, string Band, bool Disqualified, double Deductions,
    double Additions, bool Floored, IReadOnlyList<ScoreLine> Lines, Standing? Standing = null)
{
    public Standing Standing { get; init; } = Standing ?? Standing.None;
}

public sealed record SubjectScore(AssessedSubject Subject, IReadOnlyList<QuarterResult> Quarters, double Score, int Rank,
    string Band, bool Disqualified, Standing? Standing = null)
{
    public Standing Standing { get; init; } = Standing ?? Standing.None;
    public IEnumerable<ScoreLine> Lines => Quarters.SelectMany(q => q.Lines);
    public double Deductions => Quarters.Sum(q => q.Deductions);
    public double Additions => Quarters.Sum(q => q.Additions);
    public QuarterResult? Quarter(int q) => Quarters.FirstOrDefault(x => x.Quarter == q);
}

/// <summary>How many subjects one veto rule barred in a quarter (for the banner when it bars most of them).</summary>
public sealed record VetoCount(int Quarter, string RuleId, string RuleLabel, int Vetoed, int Subjects)
{
    public bool Most => Vetoed * 2 > Subjects;
}

/// <summary>The result of a period: every subject scored, each quarter's honour list (e.g. 红旗窗口), the vetoes per rule,
/// and the Spearman correlation of the year scores between two bootstrap redraws (NaN without bootstrap).</summary>
public sealed record AssessmentResult(int Year, IReadOnlyList<int> Quarters, IReadOnlyList<SubjectScore> Subjects,
    IReadOnlyDictionary<int, IReadOnlyList<SubjectScore>> Honours, IReadOnlyList<VetoCount>? Vetoes = null, double Stability = double.NaN);

/// <summary>Applies a scheme to the evidence of the quarters covered: per quarter from the base points, rules in
/// file order per record, samples and rates after them, part caps (扣完为止) and the additions cap over the lines in
/// that order; then, per quarter and for the year (the mean of the quarters), shared ranks (并列), intervals and 档次
/// from a bootstrap over the records, and bands and honours only for subjects that pass the veto and credibility gate.</summary>
public static class Scorer
{
    /// <param name="gate">Credibility-gate findings per subject and quarter (e.g. 大厅无人), from the warehouse.</param>
    public static AssessmentResult Score(ScoringRules rules, IReadOnlyList<AssessedSubject> subjects, IReadOnlyList<Evidence> evidence,
        IReadOnlyList<Volume> volumes, int year, IReadOnlyList<int> quarters, SampleDraw draw,
        IReadOnlyDictionary<(string Subject, int Quarter), IReadOnlyList<Ineligibility>>? gate = null)
    {
        if (quarters.Count == 0) throw new AssessmentException(Messages.AssessmentNoQuarters);
        var raw = RawScores(rules, subjects, evidence, volumes, year, quarters, draw);
        var ranking = rules.RankingOrDefault;
        var draws = Bootstrap.Draws(rules, subjects, evidence, volumes, year, quarters, draw, ranking.BootstrapDraws);
        var volume = volumes.GroupBy(v => (v.Subject, v.Quarter, v.Name)).ToDictionary(g => g.Key, g => g.Sum(v => v.Count));

        List<Ineligibility> Reasons(AssessedSubject s, int q, double score, bool dq)
        {
            var reasons = new List<Ineligibility>();
            if (dq) reasons.Add(new VetoedReason());
            if (gate is not null && gate.TryGetValue((s.Key, q), out var found)) reasons.AddRange(found);
            var g = rules.Gate;
            {
                if (g.MinCases is { } min && volume.GetValueOrDefault((s.Key, q, Vocabulary.Cases)) < min)
                    reasons.Add(new SmallSampleReason(F(volume.GetValueOrDefault((s.Key, q, Vocabulary.Cases))), F(min)));
                if (g.MinScore is { } floor && score < floor - 1e-9) reasons.Add(new LowScoreReason(F(score), F(floor)));
            }
            return reasons;
        }

        var quarterResults = new Dictionary<(string, int), QuarterResult>();
        foreach (var q in quarters)
        {
            var rows = subjects.Select(s =>
            {
                var r = raw[(s.Key, q)];
                var (low, high) = Bootstrap.Interval(draws, s.Key, q, r.Score, ranking.Level);
                return new Ranked(s, r.Score, low, high, Reasons(s, q, r.Score, r.Dq));
            }).ToList();
            foreach (var (row, rank, tier, band) in Place(rules, rows))
            {
                var r = raw[(row.S.Key, q)];
                quarterResults[(row.S.Key, q)] = new QuarterResult(q, r.Score, rank, band, r.Dq, r.Ded, r.Add, r.Floored, r.Lines,
                    new Standing(row.Low, row.High, tier, row.Reasons));
            }
        }

        var yearRows = subjects.Select(s =>
        {
            var qs = quarters.Select(q => quarterResults[(s.Key, q)]).ToList();
            var score = qs.Average(x => x.Score);
            var (low, high) = Bootstrap.Interval(draws, s.Key, 0, score, ranking.Level);
            // A year is honoured only if every quarter could be; each group of reasons says which quarters it held in.
            var reasons = qs.SelectMany(x => x.Standing.Ineligible.Select(r => (x.Quarter, Reason: r)))
                .GroupBy(x => (x.Reason.Group, x.Reason.AtCenter))
                .Select(g => g.Count() == quarters.Count && g.Select(x => x.Reason).Distinct().Count() == 1 ? g.First().Reason
                    : new InQuarters(g.Key.Group, g.Select(x => AssessmentPeriod.QuarterNames[x.Quarter - 1]).Distinct().ToList())
                        { AtCenter = g.Key.AtCenter })
                .ToList();
            return new Ranked(s, score, low, high, reasons);
        }).ToList();
        var scored = Place(rules, yearRows).Select(p =>
        {
            var qs = quarters.Select(q => quarterResults[(p.Row.S.Key, q)]).ToList();
            return new SubjectScore(p.Row.S, qs, p.Row.Score, p.Rank, p.Band, qs.Any(x => x.Disqualified),
                new Standing(p.Row.Low, p.Row.High, p.Tier, p.Row.Reasons));
        }).OrderBy(s => s.Subject.Group ?? "", StringComparer.Ordinal).ThenBy(s => s.Rank).ThenBy(s => s.Subject.Key, StringComparer.Ordinal).ToList();

        var honours = new Dictionary<int, IReadOnlyList<SubjectScore>>();
        if (rules.Honour is { } honour)
            foreach (var q in quarters)
            {
                var rows = scored.Select(s => new Ranked(s.Subject, s.Quarter(q)!.Score, s.Quarter(q)!.Standing.Low, s.Quarter(q)!.Standing.High,
                    s.Quarter(q)!.Standing.Ineligible)).ToList();
                var awarded = Award(ranking, rows, honour.TopN).Select(r => r.S.Key).ToHashSet();
                honours[q] = scored.Where(s => awarded.Contains(s.Subject.Key)).OrderBy(s => s.Quarter(q)!.Rank).ToList();
            }

        var vetoes = quarters.SelectMany(q => rules.Rules.Where(r => r.Kind.Vetoes).Select(r => new VetoCount(q, r.Id, r.Label,
            subjects.Count(s => raw[(s.Key, q)].Lines.Any(l => l.RuleId == r.Id && l.Disqualifies)), subjects.Count))).ToList();
        return new AssessmentResult(year, quarters, scored, honours, vetoes, Bootstrap.Stability(draws, subjects));
    }

    /// <summary>One subject in one ranking: its score, interval and why it may not be honoured.</summary>
    internal sealed record Ranked(AssessedSubject S, double Score, double Low, double High, IReadOnlyList<Ineligibility> Reasons)
    {
        public double Shown => Math.Round(Score, 2);
    }

    /// <summary>Ranks within each comparison group (all subjects, or each post): equal scores as shown share a rank (并列);
    /// 档次 group subjects whose intervals overlap the tier's leader; bands from the first that applies, honour bands
    /// (top_n or requires_qualified) only to eligible subjects and only down to a tier boundary (<see cref="Award"/>).</summary>
    private static IEnumerable<(Ranked Row, int Rank, int Tier, string Band)> Place(ScoringRules rules, List<Ranked> rows)
    {
        var ranking = rules.RankingOrDefault;
        foreach (var group in rows.GroupBy(r => ranking.CompareWithin == "post" ? r.S.Group ?? "" : ""))
        {
            var list = group.OrderByDescending(r => r.Shown).ThenBy(r => r.S.Key, StringComparer.Ordinal).ToList();
            var tiers = Tiers(ranking, list);
            var awarded = new Dictionary<string, HashSet<string>>();
            foreach (var band in rules.Bands.Where(b => b.TopN is not null || b.RequiresQualified))
            {
                var candidates = list.Where(r => band.MinScore is null || r.Score >= band.MinScore - 1e-9).ToList();
                awarded[band.Name] = (band.TopN is { } n ? Award(ranking, candidates, n) : candidates.Where(r => r.Reasons.Count == 0))
                    .Select(r => r.S.Key).ToHashSet();
            }
            foreach (var r in list)
            {
                var rank = 1 + list.Count(o => o.Shown > r.Shown);
                var band = rules.Bands.First(b => awarded.TryGetValue(b.Name, out var set)
                    ? set.Contains(r.S.Key) : b.MinScore is null || r.Score >= b.MinScore - 1e-9).Name;
                yield return (r, rank, tiers[r.S.Key], band);
            }
        }
    }

    /// <summary>档次: in score order, a subject joins the current tier while its interval reaches the tier leader's;
    /// without intervals (or with separation off) a tier is a set of equal scores.</summary>
    private static Dictionary<string, int> Tiers(RankingSettings ranking, List<Ranked> ordered)
    {
        var tiers = new Dictionary<string, int>();
        Ranked? leader = null;
        var tier = 0;
        foreach (var r in ordered)
        {
            var separate = ranking.RequireSeparation && !double.IsNaN(r.High) && !double.IsNaN(leader?.Low ?? double.NaN);
            var joins = leader is not null && (separate ? r.High >= leader.Low - 1e-9 : r.Shown == leader.Shown);
            if (!joins) { tier++; leader = r; }
            tiers[r.S.Key] = tier;
        }
        return tiers;
    }

    /// <summary>The honoured: eligible subjects taken tier by tier (档次, or equal scores when separation is off) while
    /// they fit in <paramref name="topN"/>; a tier that would overflow it is taken whole or not at all
    /// (<see cref="RankingSettings.TieAtCutoff"/>). A tier is only ever split by eligibility, never by code order.</summary>
    internal static List<Ranked> Award(RankingSettings ranking, List<Ranked> rows, int topN)
    {
        var ordered = rows.OrderByDescending(r => r.Shown).ThenBy(r => r.S.Key, StringComparer.Ordinal).ToList();
        var tiers = Tiers(ranking, ordered);
        var taken = new List<Ranked>();
        foreach (var tier in ordered.GroupBy(r => tiers[r.S.Key]).OrderBy(g => g.Key))
        {
            var eligible = tier.Where(r => r.Reasons.Count == 0).ToList();
            if (taken.Count + eligible.Count <= topN) { taken.AddRange(eligible); continue; }
            if (ranking.TieAtCutoff == "all") taken.AddRange(eligible);
            break;
        }
        return taken;
    }

    /// <summary>Base points plus the lines per subject and quarter, before any ranking.</summary>
    internal static Dictionary<(string, int), (double Score, bool Dq, double Ded, double Add, bool Floored, List<ScoreLine> Lines)> RawScores(
        ScoringRules rules, IReadOnlyList<AssessedSubject> subjects, IReadOnlyList<Evidence> evidence, IReadOnlyList<Volume> volumes,
        int year, IReadOnlyList<int> quarters, SampleDraw draw, bool explain = true)
    {
        var bySubject = evidence.ToLookup(e => (e.Subject, e.Quarter));
        var volume = volumes.GroupBy(v => (v.Subject, v.Quarter, v.Name)).ToDictionary(g => g.Key, g => g.Sum(v => v.Count));
        var keys = subjects.Select(s => s.Key).ToHashSet();
        var county = CountyRates(rules, evidence.Where(e => keys.Contains(e.Subject)).ToList(),
            volumes.Where(v => keys.Contains(v.Subject)).ToList());
        var result = new Dictionary<(string, int), (double, bool, double, double, bool, List<ScoreLine>)>();
        foreach (var q in quarters)
            foreach (var s in subjects)
            {
                var lines = QuarterLines(rules, s, year, q, bySubject[(s.Key, q)].ToList(), volume, county, draw, explain);
                var raw = rules.BasePoints + lines.Sum(l => l.Points);
                var score = Math.Max(raw, rules.MinQuarterScore ?? double.NegativeInfinity);
                result[(s.Key, q)] = (score, lines.Any(l => l.Disqualifies), lines.Where(l => l.Points < 0).Sum(l => l.Points),
                    lines.Where(l => l.Points > 0).Sum(l => l.Points), score > raw, lines);
            }
        return result;
    }

    /// <summary>The county's rate per rule and quarter, from the records as first recorded (before appeals), so an
    /// appeal changes only the subject it concerns.</summary>
    private static Dictionary<(string Rule, int Quarter), double> CountyRates(ScoringRules rules, List<Evidence> evidence, List<Volume> volumes)
    {
        var result = new Dictionary<(string, int), double>();
        var quarters = evidence.Select(e => e.Quarter).Concat(volumes.Select(v => v.Quarter)).Distinct().ToList();
        // Grouped once (each group in the records' order, so the sums add up as before), not scanned per rule and
        // quarter: the bootstrap computes these rates again for every redraw.
        var records = evidence.Where(e => e.OriginalQuantity > 0).ToLookup(e => (e.Quarter, e.Source));
        var counts = volumes.GroupBy(v => (v.Quarter, v.Name)).ToDictionary(g => g.Key, g => g.Sum(v => v.Count));
        foreach (var rule in rules.Rules.Where(r => r.IsRated))
        {
            foreach (var q in quarters)
            {
                var n = 0.0;
                foreach (var e in records[(q, rule.Source)])
                    if (rule.Matches(e)) n += rule.Amount(e.OriginalQuantity);
                var d = rule.Denominator is { } name ? counts.GetValueOrDefault((q, name)) : 0;
                result[(rule.Id, q)] = d > 0 ? n / d : 0;
            }
        }
        return result;
    }

    private static List<ScoreLine> QuarterLines(ScoringRules rules, AssessedSubject s, int year, int q, List<Evidence> records,
        Dictionary<(string, int, string), double> volume, Dictionary<(string, int), double> county, SampleDraw draw, bool explain)
    {
        var quarter = new QuarterScoring(rules, s, year, q, records, volume, county, draw, explain);
        // Loops, not LINQ: this runs for every record of every bootstrap redraw.
        foreach (var e in quarter.Ordered)
        {
            foreach (var rule in rules.Rules)
                if (rule.Kind.ScoresRecords && rule.Matches(e)) rule.Kind.ScoreRecord(quarter, rule, e);
            // The zero-point lines that list a rate's records are for the appendix only (a redraw does not need them).
            if (explain)
                foreach (var rule in rules.Rules)
                    if (rule.Matches(e)) rule.Kind.ExplainRecord(quarter, rule, e);
        }
        foreach (var kind in RuleKind.QuarterOrder)
            foreach (var rule in rules.Rules.Where(r => r.Kind == kind)) kind.ScoreQuarter(quarter, rule);

        ApplyPartCaps(rules, quarter.Lines);
        ApplyAdditionsCap(rules, quarter.Lines);
        return quarter.Lines;
    }

    internal static (double Points, List<LineNote> Notes) Capped(ScoringRule rule, double points, Dictionary<string, double> usedByRule)
    {
        var notes = new List<LineNote>();
        if (rule.CapPerRecord is { } cap && Math.Abs(points) > Math.Abs(cap))
        {
            points = cap;
            notes.Add(new CapPerRecordNote(F(cap)));
        }
        if (rule.CapPerQuarter is { } quarterCap)
        {
            var used = usedByRule.GetValueOrDefault(rule.Id);
            var room = quarterCap - used;
            if (Math.Abs(points) > Math.Abs(room))
            {
                points = room;
                notes.Add(new CapPerQuarterNote(F(quarterCap)));
            }
            usedByRule[rule.Id] = used + points;
        }
        return (points == 0 ? 0 : points, notes);
    }

    /// <summary>Points earned for a rate below the reference: capped at the same size as the deduction cap.</summary>
    internal static (double Points, List<LineNote> Notes) CappedBelow(ScoringRule rule, double points)
    {
        var notes = new List<LineNote>();
        if (rule.CapPerQuarter is { } cap && points > -cap)
        {
            points = -cap;
            notes.Add(new AdditionCapPerRuleNote(F(-cap)));
        }
        return (points, notes);
    }

    /// <summary>扣完为止: a part's deductions stop at its points; the line that reaches the limit and any after it say so.</summary>
    private static void ApplyPartCaps(ScoringRules rules, List<ScoreLine> lines)
    {
        var parts = (rules.Parts ?? []).ToDictionary(p => p.Id);
        var partOf = rules.Rules.Where(r => r.Part is not null).ToDictionary(r => r.Id, r => parts[r.Part!]);
        var used = new Dictionary<string, double>();
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Points >= 0 || !partOf.TryGetValue(l.RuleId, out var part)) continue;
            var room = part.Points - used.GetValueOrDefault(part.Id);
            if (-l.Points > room)
            {
                var points = -room;
                lines[i] = l with { Points = points == 0 ? 0 : points, Notes = [.. l.Notes, new PartUsedUpNote(part.Label, F(part.Points), F(l.Points))] };
                used[part.Id] = part.Points;
            }
            else used[part.Id] = used.GetValueOrDefault(part.Id) - l.Points;
        }
    }

    private static void ApplyAdditionsCap(ScoringRules rules, List<ScoreLine> lines)
    {
        if (rules.MaxAdditionsPerQuarter is not { } max) return;
        var used = 0.0;
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Points <= 0) continue;
            var room = max - used;
            if (l.Points > room)
            {
                lines[i] = l with { Points = room, Notes = [.. l.Notes, new AdditionsCapNote(F(max), F(l.Points))] };
                used = max;
            }
            else used += l.Points;
        }
    }

    /// <summary>A line's notes: the kind's own text (when it has one), then <paramref name="more"/>, then the record's appeal.</summary>
    internal static IReadOnlyList<LineNote> Notes(string kindText, IReadOnlyList<LineNote> more, Evidence? e = null)
    {
        // No list for a line without notes: a bootstrap redraw makes thousands of them.
        if (kindText.Length == 0 && more.Count == 0 && e?.Appeal is null) return [];
        var notes = new List<LineNote>();
        if (kindText.Length > 0) notes.Add(new KindNote(kindText));
        notes.AddRange(more);
        if (e?.Appeal is { } a)
            notes.Add(new AppealNote(a.Action, a.AppealId, a.Approver, a.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Reason,
                F(e.OriginalQuantity), F(e.Quantity)));
        return notes;
    }

    public static DateOnly QuarterEnd(int year, int q) => new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1);

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
