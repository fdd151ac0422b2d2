namespace Oversight.Demo;

public sealed record DemoOptions
{
    public int Seed { get; init; } = 511922;

    /// <summary>The day the demo is built; it covers the 36 complete months before this day's month.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.Now);

    public int Months { get; init; } = 36;

    /// <summary>Where the planted truth goes: outside the inbox, out of the models' reach.</summary>
    public required string TruthPath { get; init; }
}

public sealed record DemoSummary(int Centers, int Windows, int Staff, int Items, int Cases, int Complaints, int Callbacks,
    int VideoChecks, int Visits, int BadRows, IReadOnlyList<string> Files, string TruthPath);

/// <summary>What the demo planted, for checking models and briefings against known answers.</summary>
public sealed record DemoTruth(
    IReadOnlyList<PlantedWindow> OverdueProneWindows,
    IReadOnlyList<PlantedCenter> EmptyCenters,
    IReadOnlyList<PlantedCenter> ComplaintHotspots,
    IReadOnlyList<PlantedBadRow> BadRows);

public sealed record PlantedWindow(string WindowCode, string CenterCode, string FromMonth, string ToMonth, string Story);

public sealed record PlantedCenter(string CenterCode, string CenterName, string FromMonth, string ToMonth, string Story);

public sealed record PlantedBadRow(string File, string Id, string Column, string Problem);

internal sealed record DemoCenter(string Code, string Name, string Kind, int Population, string Head, int MarketDay);

internal sealed record DemoWindow(string Code, DemoCenter Center, string Name, string Category, double BaseOverdue);

internal sealed record DemoStaff(string Id, string Name, DemoCenter Center, DemoWindow Window, string Post, string Employment,
    DateOnly From, DateOnly? To);

internal sealed record DemoItem(string Code, string Name, string Category, string Kind, int LegalDays, int PromisedDays);

internal sealed class DemoCase
{
    public required string Id { get; init; }
    public required DemoWindow Window { get; init; }
    public required DemoItem Item { get; init; }
    public string? StaffId { get; init; }
    public required string CaseType { get; init; }
    public required string Channel { get; init; }
    public required DateTime AcceptedAt { get; init; }
    public DateTime? DueAt { get; init; }
    public int? PausedDays { get; init; }
    public DateTime? CompletedAt { get; init; }
    public required string FinalStatus { get; init; }
    public required string ApplicantId { get; init; }
    public required string Phone { get; init; }
    public required DateTime RecordedAt { get; init; }
    public bool Overdue { get; init; }
}
