namespace Oversight.Reports.Inspection;

/// <summary>The inspection briefing (暗访工作提示) as the templates see it. Confidential: written only to the
/// restricted folder, never to the reports folder townships read.</summary>
public sealed record InspectionBriefing(
    string Title,
    string CountyName,
    string Month,
    string DataMonthLabel,
    string VisitMonthLabel,
    string Recipient,
    string GeneratedAt,
    string GeneratedBy,
    string Issuer,
    string PriorityFormula,
    string RotationRule,
    IReadOnlyList<PlannedCenter> Centers,
    IReadOnlyList<string> HeldBack,
    PlanRecord Record,
    IReadOnlyList<string> Notes);

/// <summary>One proposed center: why, where inside it, what to check, when to go.</summary>
public sealed record PlannedCenter(
    int Position,
    string Code,
    string Name,
    string Basis,
    string Priority,
    IReadOnlyList<string> Why,
    IReadOnlyList<PlannedWindow> Windows,
    IReadOnlyList<string> Checks,
    IReadOnlyList<string> WhenToGo,
    string LastVisit);

public sealed record PlannedWindow(string Code, string Name, string Probability, IReadOnlyList<string> Reasons);

/// <summary>How earlier plans did: unannounced visits to proposed centers against visits elsewhere.</summary>
public sealed record PlanRecord(bool HasHistory, string PlanMonths, RecordLine Proposed, RecordLine NotProposed, string Summary);

public sealed record RecordLine(string Visits, string WithProblems, string Share, string ProblemsPerVisit);
