namespace Oversight.Assessment;

/// <summary>One line of the appendix: a rule applied to a record, with the points it gave. A quarter's score is
/// the base points plus the sum of its lines, so every score can be checked line by line.</summary>
public sealed record ScoreLine(string CenterCode, int Quarter, DateOnly Date, string Source, string RecordId, string RuleId,
    string RuleLabel, double Quantity, double Points, string Note);

public sealed record CenterScore(AssessedCenter Center, IReadOnlyList<double?> QuarterScores, double YearScore, int Rank, string Band,
    double Deductions, double Additions, IReadOnlyList<ScoreLine> Lines);

/// <summary>Applies the scoring rules to the year's evidence: per quarter from the base points, the year as the
/// mean of the quarters that have begun, then ranks and bands.</summary>
public static class Scorer
{
    public static IReadOnlyList<CenterScore> Score(ScoringRules rules, IReadOnlyList<AssessedCenter> centers,
        IReadOnlyList<Evidence> evidence, int quartersBegun)
    {
        if (quartersBegun is < 1 or > 4) throw new AssessmentException("该年度尚未开始，无法考核。");
        var byCenter = evidence.ToLookup(e => e.CenterCode);
        var scored = centers.Select(c =>
        {
            var lines = Lines(rules, byCenter[c.Code].Where(e => e.Quarter <= quartersBegun)).ToList();
            var quarters = Enumerable.Range(1, 4)
                .Select(q => q <= quartersBegun ? QuarterScore(rules, lines.Where(l => l.Quarter == q).Sum(l => l.Points)) : (double?)null)
                .ToList();
            var year = quarters.Where(q => q.HasValue).Average(q => q!.Value);
            return (Center: c, Quarters: quarters, Year: year, Lines: lines);
        })
        .OrderByDescending(s => s.Year).ThenBy(s => s.Center.Code, StringComparer.Ordinal)
        .ToList();

        return scored.Select((s, i) => new CenterScore(s.Center, s.Quarters, s.Year, i + 1, BandOf(rules, s.Year, i + 1),
            s.Lines.Where(l => l.Points < 0).Sum(l => l.Points), s.Lines.Where(l => l.Points > 0).Sum(l => l.Points), s.Lines)).ToList();
    }

    /// <summary>Base points plus the quarter's lines, not below the floor if the rules set one.</summary>
    public static double QuarterScore(ScoringRules rules, double points) =>
        Math.Max(rules.BasePoints + points, rules.MinQuarterScore ?? double.NegativeInfinity);

    private static string BandOf(ScoringRules rules, double score, int rank) =>
        rules.Bands.First(b => (b.MinScore is null || score >= b.MinScore - 1e-9) && (b.TopN is null || rank <= b.TopN)).Name;

    private static IEnumerable<ScoreLine> Lines(ScoringRules rules, IEnumerable<Evidence> evidence)
    {
        var usedPerQuarter = new Dictionary<(string Rule, int Quarter), double>();
        foreach (var e in evidence.OrderBy(e => e.OccurredOn).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.RecordId, StringComparer.Ordinal))
        {
            foreach (var rule in rules.Rules.Where(r => r.Applies(e.Source, e.Attribute)))
            {
                var notes = new List<string>();
                var points = e.Quantity * rule.PointsPerUnit;
                if (rule.CapPerRecord is { } cap && Math.Abs(points) > Math.Abs(cap))
                {
                    points = cap;
                    notes.Add($"单条封顶 {cap:0.##} 分");
                }
                if (rule.CapPerQuarter is { } quarterCap)
                {
                    var used = usedPerQuarter.GetValueOrDefault((rule.Id, e.Quarter));
                    var room = quarterCap - used;
                    if (Math.Abs(points) > Math.Abs(room))
                    {
                        points = room;
                        notes.Add($"已达本季度上限 {quarterCap:0.##} 分");
                    }
                    usedPerQuarter[(rule.Id, e.Quarter)] = used + points;
                }
                if (e.Appeal is { } a)
                    notes.Add(a.Action == "withdraw"
                        ? $"经复核撤销（第 {a.AppealId} 号，{a.Approver} {a.DecidedOn:yyyy-MM-dd} 批准：{a.Reason}）"
                        : $"经复核由 {e.OriginalQuantity:0.##} 改为 {e.Quantity:0.##}（第 {a.AppealId} 号，{a.Approver} {a.DecidedOn:yyyy-MM-dd} 批准：{a.Reason}）");
                yield return new ScoreLine(e.CenterCode, e.Quarter, e.OccurredOn, e.Source, e.RecordId, rule.Id, rule.Label,
                    e.Quantity, points == 0 ? 0 : points, string.Join("；", notes));
            }
        }
    }
}
