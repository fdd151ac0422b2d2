namespace Oversight.Assessment;

/// <summary>One scorable record from mart_assessment_evidence, with the appeal applied to it, if any.</summary>
public sealed record Evidence(string Source, string RecordId, string CenterCode, DateOnly OccurredOn, int Quarter, string? Attribute,
    double OriginalQuantity, double Quantity, Appeal? Appeal = null);

/// <summary>A decided appeal (复核) on a piece of evidence.</summary>
public sealed record Appeal(long AppealId, string Action, string Reason, string Approver, DateOnly DecidedOn);

public sealed record AssessedCenter(string Code, string Name, string? Head);
