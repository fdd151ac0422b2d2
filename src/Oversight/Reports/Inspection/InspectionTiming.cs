namespace Oversight.Reports.Inspection;

/// <summary>
/// When to go, from a center's video checks over 12 months by weekday and by hour. A time is advised only where it
/// rests on at least <c>minChecks</c> checks and found violations more often than the center's checks did overall;
/// otherwise the briefing says the sample is too small (样本不足) rather than advise from three checks. The notes are
/// facts; inspection/sentences.sbn words them (timing_note).
/// </summary>
public static class InspectionTiming
{
    /// <summary>The advice as the briefing prints it, worded by <paramref name="templates"/>' partial.</summary>
    public static IReadOnlyList<string> Advice(TemplateFolder templates, IReadOnlyList<TimingSlotRow> slots, int minChecks)
    {
        var notes = Notes(slots, minChecks);
        return Wording.Render(templates, InspectionWording.Partial, new { Notes = notes }, notes.Select((_, i) => $"timing_note notes[{i}]").ToList());
    }

    public static IReadOnlyList<TimingNote> Notes(IReadOnlyList<TimingSlotRow> slots, int minChecks)
    {
        var hours = slots.Where(s => s.SlotKind == "hour").ToList();
        var checks = hours.Sum(s => s.VideoChecks);
        var violations = hours.Sum(s => s.VideoViolations);
        if (checks == 0) return [new TimingNote("noChecks")];
        var overall = (double)violations / checks;

        var large = slots.Where(s => s.VideoChecks >= minChecks).ToList();
        if (large.Count == 0) return [new TimingNote("tooFew") { Checks = ReportText.Count(checks), MinChecks = minChecks.ToString(System.Globalization.CultureInfo.InvariantCulture) }];

        var worse = large
            .Where(s => s.VideoViolations >= 2 && (double)s.VideoViolations / s.VideoChecks > overall)
            .OrderByDescending(s => (double)s.VideoViolations / s.VideoChecks).ThenByDescending(s => s.VideoChecks)
            .ThenBy(s => s.SlotKind, StringComparer.Ordinal).ThenBy(s => s.Slot)
            .ToList();
        var advice = new List<TimingNote>();
        foreach (var kind in new[] { "weekday", "hour" })
        {
            var top = worse.Where(s => s.SlotKind == kind).Take(2).ToList();
            if (top.Count > 0)
                advice.Add(new TimingNote("concentrated")
                {
                    SlotKind = kind, Overall = ReportText.Percent(overall),
                    Slots = top.Select(s => new TimingSlot(s.SlotKind, s.Slot, ReportText.Count(s.VideoChecks), ReportText.Count(s.VideoViolations),
                        ReportText.Percent((double)s.VideoViolations / s.VideoChecks))).ToList(),
                });
        }
        if (advice.Count == 0)
            advice.Add(new TimingNote("even")
            {
                Checks = ReportText.Count(checks), MinChecks = minChecks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Overall = ReportText.Percent(overall),
            });
        return advice;
    }
}

/// <summary>One note of when to go (<see cref="Kind"/>: noChecks, tooFew, concentrated, even, marketDay, noMarketDay),
/// its figures formatted; worded by inspection/sentences.sbn's timing_note.</summary>
public sealed record TimingNote(string Kind)
{
    public string Checks { get; init; } = "";
    public string MinChecks { get; init; } = "";
    public string Overall { get; init; } = "";
    public string SlotKind { get; init; } = "";
    public IReadOnlyList<TimingSlot> Slots { get; init; } = [];
    public string MarketDays { get; init; } = "";
    public string Lift { get; init; } = "";
}

/// <summary>A weekday (1 = Monday) or an hour with its checks, violations and their rate.</summary>
public sealed record TimingSlot(string Kind, int Slot, string Checks, string Violations, string Rate);
