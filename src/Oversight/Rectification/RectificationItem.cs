namespace Oversight.Rectification;

/// <summary>One row of the ledger (rectification_item), as the code reads it.</summary>
public sealed class RectificationItem
{
    public long ItemId { get; set; }
    public string Source { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? SourceRef { get; set; }
    public string? SourceIds { get; set; }
    public DateOnly FindingMonth { get; set; }
    public string CenterCode { get; set; } = "";
    public string? CenterName { get; set; }
    public string? WindowCode { get; set; }
    public string Description { get; set; } = "";
    public string Requirement { get; set; } = "";
    public string? DocNumber { get; set; }
    public DateOnly? AssignedOn { get; set; }
    public int? WorkingDays { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? Responsible { get; set; }
    public string StatusName { get; set; } = "";
    public string? Measures { get; set; }
    public string? Evidence { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Reviewer { get; set; }
    public DateOnly? ReviewedOn { get; set; }
    public string? OverrideReason { get; set; }
    public int ReturnedCount { get; set; }

    public RectificationStatus Status => RectificationStatuses.Parse(StatusName);

    /// <summary>What the CLI and documents call it: its 文号 once assigned, else 建议第 N 号.</summary>
    public string Label => DocNumber ?? Messages.ProposalLabel(ItemId);
}

/// <summary>A problem proposed for the ledger. <paramref name="SourceKey"/> names what raised it, so proposing the
/// same finding again proposes nothing new.</summary>
public sealed record Proposal(string SourceKey, string Source, string Kind, string? SourceRef, IReadOnlyList<string> SourceIds,
    DateOnly FindingMonth, string CenterCode, string? WindowCode, string? StaffId, string Description);
