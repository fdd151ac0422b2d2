namespace Oversight.Assessment;

/// <summary>One subject's quarter being scored: its records and volumes, the county's rates, and the lines so far —
/// what a <see cref="RuleKind"/> reads and adds to.</summary>
internal sealed class QuarterScoring(ScoringRules rules, AssessedSubject subject, int year, int quarter, List<Evidence> records,
    Dictionary<(string, int, string), double> volume, Dictionary<(string, int), double> county, SampleDraw draw, bool explain)
{
    public ScoringRules Rules => rules;
    public AssessedSubject Subject => subject;
    public int Year => year;
    public int Quarter => quarter;

    /// <summary>The quarter's records as the file gave them.</summary>
    public IReadOnlyList<Evidence> Records => records;

    /// <summary>The same records by date, source and id: the order record lines and samples follow.</summary>
    public IReadOnlyList<Evidence> Ordered { get; } = records.OrderBy(e => e.OccurredOn).ThenBy(e => e.Source, StringComparer.Ordinal)
        .ThenBy(e => e.RecordId, StringComparer.Ordinal).ToList();

    public SampleDraw Draw => draw;

    /// <summary>Whether zero-point lines that only list records (for the appendix) are wanted; a redraw does not need them.</summary>
    public bool Explain => explain;

    public List<ScoreLine> Lines { get; } = [];

    /// <summary>Points used so far per rule this quarter (for cap_per_quarter).</summary>
    public Dictionary<string, double> UsedByRule { get; } = [];

    public double Volume(string name) => volume.GetValueOrDefault((subject.Key, quarter, name));

    public double CountyRate(ScoringRule rule) => county.GetValueOrDefault((rule.Id, quarter));

    public DateOnly End => Scorer.QuarterEnd(year, quarter);

    public void Add(ScoreLine line) => Lines.Add(line);

    public ScoreLine Line(Evidence e, ScoringRule rule, double points, IReadOnlyList<LineNote> notes, bool disqualifies = false) =>
        new(subject.Key, quarter, e.OccurredOn, e.Source, e.RecordId, rule.Id, rule.Label, e.Quantity, points, notes, e.Appeal, disqualifies);

    /// <summary>A line for a figure over the quarter (a rate), not for one record.</summary>
    public ScoreLine QuarterLine(ScoringRule rule, double quantity, double points, IReadOnlyList<LineNote> notes, bool disqualifies = false) =>
        new(subject.Key, quarter, End, rule.Source, Messages.RateLineRecord, rule.Id, rule.Label, quantity, points, notes, Disqualifies: disqualifies);

    /// <summary>The rule's numerator over the quarter: matching records with something left after review.</summary>
    public double Numerator(ScoringRule rule)
    {
        var sum = 0.0;
        foreach (var e in records)
            if (rule.Matches(e) && e.Quantity > 0) sum += rule.Amount(e.Quantity);
        return sum;
    }
}
