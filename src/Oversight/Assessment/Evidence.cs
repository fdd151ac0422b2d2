namespace Oversight.Assessment;

/// <summary>One scorable record from mart_assessment_evidence, attributed to a subject (a center, or a staff member),
/// with the appeal applied to it, if any. <see cref="Classes"/>: the record's classes from the core_ views (e.g. bad, violation).</summary>
public sealed record Evidence(string Source, string RecordId, string Subject, DateOnly OccurredOn, int Quarter, string? Attribute,
    double OriginalQuantity, double Quantity, Appeal? Appeal = null, string? CenterCode = null, string? WindowCode = null, string? Classes = null);

/// <summary>A decided appeal (复核) on a piece of evidence. <see cref="Action"/>: withdraw, change, or keep (维持原结论).</summary>
public sealed record Appeal(long AppealId, string Action, string Reason, string Approver, DateOnly DecidedOn);

/// <summary>The count a rate rule divides by: e.g. the cases a center completed in a quarter.</summary>
public sealed record Volume(string Subject, int Quarter, string Name, double Count);

/// <summary>Who is assessed: a center (its head) or a window staff member, with where the records place them and the
/// group they are compared within (a staff member's post, A岗 or B岗).</summary>
public sealed record AssessedSubject(string Key, string Name, string CenterCode, string CenterName, string? Head = null,
    string? WindowCode = null, string? Group = null);
