namespace Oversight.Ingest;

public sealed record IngestOptions(string InboxDir)
{
    public string ArchiveDir { get; init; } = Path.Combine(InboxDir, "archive");
    public string QuarantineDir { get; init; } = Path.Combine(InboxDir, "quarantine");

    /// <summary>A file with a larger share of rejected rows is a broken export and is set aside whole.</summary>
    public double RejectThreshold { get; init; } = Configuration.Defaults.RejectThreshold;

    /// <summary>The share rule applies only from this many rows: one bad row in a 5-row file is that row's problem,
    /// not a broken export.</summary>
    public int RejectThresholdMinRows { get; init; } = Configuration.Defaults.RejectThresholdMinRows;

    /// <summary>A file is loaded only once its size and modification time have been stable this long: a file still
    /// being copied in is left for the next run. The run waits up to this long for files that changed just before it.</summary>
    public double SettleSeconds { get; init; } = Configuration.Defaults.SettleSeconds;

    /// <summary>The private folder for decoded copies (owner-only); by default beside the database file.</summary>
    public string? DecodeDir { get; init; }

    /// <summary>Header profiles, tried in order after the contract's own headers: by default those shipped.</summary>
    public IReadOnlyList<HeaderProfile> Profiles { get; init; } = HeaderProfile.Shipped;
}

public static class Outcomes
{
    public const string Loaded = "loaded";
    public const string SetAside = "set_aside";
    public const string Duplicate = "duplicate";
    /// <summary>Not a file to load (folder, hidden file) or gone before it was read: left where it is.</summary>
    public const string Skipped = "skipped";
    /// <summary>Still being written: left in the inbox for the next run.</summary>
    public const string Waiting = "waiting";

    public static string InChinese(string outcome) => outcome switch
    {
        Loaded => Messages.OutcomeLoaded,
        SetAside => Messages.OutcomeSetAside,
        Duplicate => Messages.OutcomeDuplicate,
        Skipped => Messages.OutcomeSkipped,
        Waiting => Messages.OutcomeWaiting,
        _ => outcome,
    };
}

public sealed record FileOutcome(string FileName, string? Feed, string Outcome, long RowsLoaded, long RowsRejected, string? Reason)
{
    /// <summary>The name as shown in reports and logs: a personal number in it is masked.</summary>
    public string FileName { get; init; } = Privacy.FreeTextMask.Mask(FileName)!;

    /// <summary>A reason may quote a cell or header as sent: masked like free text.</summary>
    public string? Reason { get; init; } = Privacy.FreeTextMask.Mask(Reason);
}

public sealed record IngestReport(
    long RunId, IReadOnlyList<FileOutcome> Files, long RowsLoaded, long RowsRejected, TimeSpan Duration, IReadOnlyList<string> Warnings)
{
    /// <summary>The load order used and why (<see cref="InboxOrder"/>), one line per file.</summary>
    public IReadOnlyList<string> Order { get; init; } = [];
}
