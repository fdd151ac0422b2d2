namespace Oversight.Reports.Issuing;

/// <summary>What the user asks of an issue: a 文号 and 成文日期 given by hand (report monthly --doc-number / --date),
/// and whether a clock earlier than the warehouse's newest moment was confirmed (--confirm-clock).</summary>
public sealed record IssueRequest(string? DocumentNumber = null, DateOnly? IssuedOn = null, bool ConfirmClock = false);

/// <summary>The 文号 and 成文日期 a document was issued with.</summary>
public sealed record IssuedNumber(string DocumentNumber, DateOnly IssuedOn);
