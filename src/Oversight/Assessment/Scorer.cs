using System.Globalization;

namespace Oversight.Assessment;

/// <summary>One line of the appendix: a rule applied to a record (or, for a rate rule, to the quarter's rate), with
/// the points it gave. A quarter's score is the base points plus the sum of its lines (not below the floor), so every
/// score can be checked line by line.</summary>
public sealed record ScoreLine(string Subject, int Quarter, DateOnly Date, string Source, string RecordId, string RuleId,
    string RuleLabel, double Quantity, double Points, string Note, Appeal? Appeal = null, bool Disqualifies = false);

public sealed record QuarterResult(int Quarter, double Score, int Rank, string Band, bool Disqualified, double Deductions,
    double Additions, bool Floored, IReadOnlyList<ScoreLine> Lines);

public sealed record SubjectScore(AssessedSubject Subject, IReadOnlyList<QuarterResult> Quarters, double Score, int Rank,
    string Band, bool Disqualified)
{
    public IEnumerable<ScoreLine> Lines => Quarters.SelectMany(q => q.Lines);
    public double Deductions => Quarters.Sum(q => q.Deductions);
    public double Additions => Quarters.Sum(q => q.Additions);
    public QuarterResult? Quarter(int q) => Quarters.FirstOrDefault(x => x.Quarter == q);
}

/// <summary>The result of a period: every subject scored, and each quarter's honour list (e.g. 红旗窗口).</summary>
public sealed record AssessmentResult(int Year, IReadOnlyList<int> Quarters, IReadOnlyList<SubjectScore> Subjects,
    IReadOnlyDictionary<int, IReadOnlyList<SubjectScore>> Honours);

/// <summary>Applies a scheme to the evidence of the quarters covered: per quarter from the base points, rules in
/// file order per record, samples and rates after them, part caps (扣完为止) and the additions cap over the lines in
/// that order, then bands per quarter and for the year (the mean of the quarters).</summary>
public static class Scorer
{
    public static AssessmentResult Score(ScoringRules rules, IReadOnlyList<AssessedSubject> subjects, IReadOnlyList<Evidence> evidence,
        IReadOnlyList<Volume> volumes, int year, IReadOnlyList<int> quarters, SampleDraw draw)
    {
        if (quarters.Count == 0) throw new AssessmentException("没有可考核的季度。");
        var bySubject = evidence.ToLookup(e => (e.Subject, e.Quarter));
        var volume = volumes.GroupBy(v => (v.Subject, v.Quarter, v.Name)).ToDictionary(g => g.Key, g => g.Sum(v => v.Count));
        var keys = subjects.Select(s => s.Key).ToHashSet();
        var county = CountyRates(rules, evidence.Where(e => keys.Contains(e.Subject)).ToList(),
            volumes.Where(v => keys.Contains(v.Subject)).ToList());

        // Per quarter: raw scores, then ranks and bands among all subjects.
        var perQuarter = new Dictionary<int, List<(AssessedSubject S, double Score, bool Dq, double Ded, double Add, bool Floored, List<ScoreLine> Lines)>>();
        foreach (var q in quarters)
        {
            perQuarter[q] = subjects.Select(s =>
            {
                var lines = QuarterLines(rules, s, year, q, bySubject[(s.Key, q)].ToList(), volume, county, draw);
                var sum = lines.Sum(l => l.Points);
                var raw = rules.BasePoints + sum;
                var score = Math.Max(raw, rules.MinQuarterScore ?? double.NegativeInfinity);
                return (s, score, lines.Any(l => l.Disqualifies), lines.Where(l => l.Points < 0).Sum(l => l.Points),
                    lines.Where(l => l.Points > 0).Sum(l => l.Points), score > raw, lines);
            }).ToList();
        }
        var quarterResults = new Dictionary<(string, int), QuarterResult>();
        var honours = new Dictionary<int, IReadOnlyList<SubjectScore>>();
        foreach (var (q, rows) in perQuarter)
        {
            var ranked = rows.OrderByDescending(r => r.Score).ThenBy(r => r.S.Key, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ranked.Count; i++)
            {
                var r = ranked[i];
                quarterResults[(r.S.Key, q)] = new QuarterResult(q, r.Score, i + 1, BandOf(rules, r.Score, i + 1, r.Dq), r.Dq, r.Ded, r.Add, r.Floored, r.Lines);
            }
        }

        var years = subjects.Select(s =>
        {
            var qs = quarters.Select(q => quarterResults[(s.Key, q)]).ToList();
            return (S: s, Quarters: qs, Score: qs.Average(x => x.Score), Dq: qs.Any(x => x.Disqualified));
        }).OrderByDescending(x => x.Score).ThenBy(x => x.S.Key, StringComparer.Ordinal).ToList();
        var scored = years.Select((y, i) => new SubjectScore(y.S, y.Quarters, y.Score, i + 1, BandOf(rules, y.Score, i + 1, y.Dq), y.Dq)).ToList();

        if (rules.Honour is { } honour)
            foreach (var q in quarters)
                honours[q] = scored.Where(s => !s.Quarter(q)!.Disqualified).OrderBy(s => s.Quarter(q)!.Rank).Take(honour.TopN).ToList();
        return new AssessmentResult(year, quarters, scored, honours);
    }

    private static string BandOf(ScoringRules rules, double score, int rank, bool disqualified) =>
        rules.Bands.First(b => (b.MinScore is null || score >= b.MinScore - 1e-9) && (b.TopN is null || rank <= b.TopN)
                               && !(b.RequiresQualified && disqualified)).Name;

    /// <summary>The county's rate per rule and quarter, from the records as first recorded (before appeals), so an
    /// appeal changes only the subject it concerns.</summary>
    private static Dictionary<(string Rule, int Quarter), double> CountyRates(ScoringRules rules, List<Evidence> evidence, List<Volume> volumes)
    {
        var result = new Dictionary<(string, int), double>();
        foreach (var rule in rules.Rules.Where(r => r.Kind == "rate"))
        {
            foreach (var q in evidence.Select(e => e.Quarter).Concat(volumes.Select(v => v.Quarter)).Distinct())
            {
                var n = evidence.Count(e => e.Quarter == q && rule.Matches(e) && e.OriginalQuantity > 0);
                var d = volumes.Where(v => v.Quarter == q && v.Name == rule.Denominator).Sum(v => v.Count);
                result[(rule.Id, q)] = d > 0 ? n / d : 0;
            }
        }
        return result;
    }

    private static List<ScoreLine> QuarterLines(ScoringRules rules, AssessedSubject s, int year, int q, List<Evidence> records,
        Dictionary<(string, int, string), double> volume, Dictionary<(string, int), double> county, SampleDraw draw)
    {
        var lines = new List<ScoreLine>();
        var usedByRule = new Dictionary<string, double>();
        var ordered = records.OrderBy(e => e.OccurredOn).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.RecordId, StringComparer.Ordinal).ToList();

        foreach (var e in ordered)
        {
            foreach (var rule in rules.Rules.Where(r => r.Kind is "per_record" or "disqualify" && r.Matches(e)))
            {
                if (rule.Kind == "disqualify")
                {
                    var bars = e.Quantity > 0;
                    lines.Add(Line(s, q, e, rule, 0, Join(bars ? "取消本季度评优评先资格" : "", AppealNote(e)), bars));
                    continue;
                }
                var (points, notes) = Capped(rule, e.Quantity * rule.PointsPerUnit, usedByRule);
                notes.Add(AppealNote(e));
                lines.Add(Line(s, q, e, rule, points, Join(notes.ToArray())));
            }
            foreach (var rule in rules.Rules.Where(r => r.Kind == "rate" && r.Matches(e)))
                lines.Add(Line(s, q, e, rule, 0, Join($"计入“{rule.Label}”比率，不逐条扣分", AppealNote(e))));
        }

        foreach (var rule in rules.Rules.Where(r => r.Kind == "sample"))
        {
            var population = ordered.Where(e => rule.InPopulation(e)).ToList();
            var drawn = population.OrderBy(e => draw.Order(rules.Name, rule.Id, s.Key, year, q, e.RecordId), StringComparer.Ordinal)
                .Take(rule.SampleSize!.Value).ToList();
            for (var i = 0; i < drawn.Count; i++)
            {
                var e = drawn[i];
                var note = $"随机抽取第 {i + 1}/{drawn.Count} 条（本季度共 {population.Count} 条可抽）";
                if (rule.Matches(e))
                {
                    var (points, notes) = Capped(rule, e.Quantity * rule.PointsPerUnit, usedByRule);
                    lines.Add(Line(s, q, e, rule, points, Join([note, .. notes, AppealNote(e)])));
                }
                else lines.Add(Line(s, q, e, rule, 0, Join(note + "，结果不扣分", AppealNote(e))));
            }
        }

        foreach (var rule in rules.Rules.Where(r => r.Kind == "rate"))
        {
            var n = records.Count(e => rule.Matches(e) && e.Quantity > 0);
            var d = volume.GetValueOrDefault((s.Key, q, rule.Denominator!));
            var countyRate = county.GetValueOrDefault((rule.Id, q));
            var k = rule.PriorWeight ?? 0;
            var rate = d + k > 0 ? (n + k * countyRate) / (d + k) : countyRate;
            var measure = rate * rule.Scale;
            var reference = rule.Target ?? countyRate * rule.Scale;
            var excess = rule.BothWays ? measure - reference : Math.Max(0, measure - reference);
            var (points, notes) = rule.BothWays && excess < 0 ? CappedBelow(rule, excess * rule.PointsPerUnit) : Capped(rule, excess * rule.PointsPerUnit, usedByRule);
            var unit = rule.Per == "per_1000" ? "‰" : "%";
            var text = $"{rule.Label} {n} 件 ÷ {rule.Denominator} {F(d)} 件 = {(d > 0 ? F(n / d * rule.Scale) + unit : "无")}" +
                       (k > 0 ? $"；按信度权重 {F(k)} 件向全县值收缩后 {F(measure)}{unit}" : "") +
                       $"；{(rule.Target is null ? "全县" : "目标")} {F(reference)}{unit}；" +
                       (excess > 0 ? $"高出 {F(excess)}{(rule.Per == "per_1000" ? "‰" : " 个百分点")}"
                        : excess < 0 ? $"低于参照值 {F(-excess)}{(rule.Per == "per_1000" ? "‰" : " 个百分点")}，相应加分"
                        : "未高于参照值，不扣分");
            lines.Add(new ScoreLine(s.Key, q, QuarterEnd(year, q), rule.Source, "（比率）", rule.Id, rule.Label, Math.Round(excess, 2),
                points, Join([text, .. notes])));
        }

        ApplyPartCaps(rules, lines);
        ApplyAdditionsCap(rules, lines);
        return lines;
    }

    private static (double Points, List<string> Notes) Capped(ScoringRule rule, double points, Dictionary<string, double> usedByRule)
    {
        var notes = new List<string>();
        if (rule.CapPerRecord is { } cap && Math.Abs(points) > Math.Abs(cap))
        {
            points = cap;
            notes.Add($"单条封顶 {F(cap)} 分");
        }
        if (rule.CapPerQuarter is { } quarterCap)
        {
            var used = usedByRule.GetValueOrDefault(rule.Id);
            var room = quarterCap - used;
            if (Math.Abs(points) > Math.Abs(room))
            {
                points = room;
                notes.Add($"已达本项每季度上限 {F(quarterCap)} 分");
            }
            usedByRule[rule.Id] = used + points;
        }
        return (points == 0 ? 0 : points, notes);
    }

    /// <summary>Points earned for a rate below the reference: capped at the same size as the deduction cap.</summary>
    private static (double Points, List<string> Notes) CappedBelow(ScoringRule rule, double points)
    {
        var notes = new List<string>();
        if (rule.CapPerQuarter is { } cap && points > -cap)
        {
            points = -cap;
            notes.Add($"本项加分最多 +{F(-cap)} 分");
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
                lines[i] = l with { Points = points == 0 ? 0 : points, Note = Join(l.Note, $"“{part.Label}”部分 {F(part.Points)} 分已扣完（扣完为止），本条原应 {F(l.Points)} 分") };
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
                lines[i] = l with { Points = room, Note = Join(l.Note, $"已达每季度加分上限 +{F(max)} 分，本条原应 +{F(l.Points)} 分") };
                used = max;
            }
            else used += l.Points;
        }
    }

    private static ScoreLine Line(AssessedSubject s, int q, Evidence e, ScoringRule rule, double points, string note, bool disqualifies = false) =>
        new(s.Key, q, e.OccurredOn, e.Source, e.RecordId, rule.Id, rule.Label, e.Quantity, points, note, e.Appeal, disqualifies);

    private static string AppealNote(Evidence e) => e.Appeal is not { } a ? "" : a.Action switch
    {
        "withdraw" => $"经复核撤销（第 {a.AppealId} 号，{a.Approver} {a.DecidedOn:yyyy-MM-dd} 批准：{a.Reason}）",
        "keep" => $"经复核维持原结论（第 {a.AppealId} 号，{a.Approver} {a.DecidedOn:yyyy-MM-dd}：{a.Reason}）",
        _ => $"经复核由 {F(e.OriginalQuantity)} 改为 {F(e.Quantity)}（第 {a.AppealId} 号，{a.Approver} {a.DecidedOn:yyyy-MM-dd} 批准：{a.Reason}）",
    };

    private static string Join(params string[] notes) => string.Join("；", notes.Where(n => n.Length > 0));

    public static DateOnly QuarterEnd(int year, int q) => new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1);

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
