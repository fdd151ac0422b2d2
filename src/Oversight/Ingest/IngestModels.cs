namespace Oversight.Ingest;

public sealed record IngestOptions(string InboxDir)
{
    public string ArchiveDir { get; init; } = Path.Combine(InboxDir, "archive");
    public string QuarantineDir { get; init; } = Path.Combine(InboxDir, "quarantine");

    /// <summary>A file with a larger share of rejected rows is a broken export and is set aside whole.</summary>
    public double RejectThreshold { get; init; } = 0.05;

    /// <summary>Header profiles, tried in order after the contract's own headers: by default those shipped.</summary>
    public IReadOnlyList<HeaderProfile> Profiles { get; init; } = HeaderProfile.Shipped;
}

public static class Outcomes
{
    public const string Loaded = "loaded";
    public const string SetAside = "set_aside";
    public const string Duplicate = "duplicate";

    public static string InChinese(string outcome) => outcome switch
    {
        Loaded => "已导入",
        SetAside => "已搁置",
        Duplicate => "重复文件（已导入过）",
        _ => outcome,
    };
}

public sealed record FileOutcome(string FileName, string? Feed, string Outcome, long RowsLoaded, long RowsRejected, string? Reason);

public sealed record IngestReport(
    long RunId, IReadOnlyList<FileOutcome> Files, long RowsLoaded, long RowsRejected, TimeSpan Duration, IReadOnlyList<string> Warnings);
