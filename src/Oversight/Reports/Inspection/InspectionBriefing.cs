namespace Oversight.Reports.Inspection;

/// <summary>The inspection briefing (暗访工作提示) as the templates see it. Confidential: written only to the
/// restricted folder, never to the reports folder townships read. <see cref="CopyNumber"/> is the 份号 (six digits) and
/// <see cref="IssuedOn"/> the 成文日期 (a Chinese date), both empty in a draft (征求意见稿), which takes no number.</summary>
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
    string RankingBasis,
    IReadOnlyList<PlannedCenter> Centers,
    IReadOnlyList<string> HeldBack,
    PlanRecord Record,
    IReadOnlyList<string> Notes,
    string CopyNumber,
    bool IsDraft,
    string IssuedOn);

/// <summary>One proposed center: why, where inside it, what to check, when to go, and the records to pull.</summary>
public sealed record PlannedCenter(
    int Position,
    string Code,
    string Name,
    string Basis,
    string Priority,
    IReadOnlyList<VisitReason> Why,
    IReadOnlyList<PlannedWindow> Windows,
    IReadOnlyList<VisitCheck> Checks,
    IReadOnlyList<string> WhenToGo,
    string LastVisit,
    EvidenceAnnex Evidence,
    IReadOnlyList<Rectification.RecheckItem>? Recheck = null);

/// <summary>One reason a center is proposed (<see cref="Kind"/>: rotation, emptyCenterFlag, windows, redWarnings,
/// upheldComplaints, videoViolations, none), its figures formatted: <see cref="Count"/> of <see cref="Of"/>, the rate
/// and the county's, <see cref="Among"/> the worst of them (吃拿卡要, 大厅无人; "" for none). Worded in inspection/sentences.sbn (kinds are letters only: Markdown escapes "_").</summary>
public sealed record VisitReason(string Kind)
{
    public string Since { get; init; } = "";
    public string Rank { get; init; } = "";
    public string Names { get; init; } = "";
    public string Of { get; init; } = "";
    public string Count { get; init; } = "";
    public string Among { get; init; } = "";
    public string Rate { get; init; } = "";
    public string County { get; init; } = "";
}

/// <summary>One thing to check at the center (<see cref="Kind"/>: observeHall, videoRecordings, backfilledCases,
/// reusedPhones, idleStaff, window, overdueCases, upheldComplainants, bribery, routine), with the evidence counts it
/// names. Worded in inspection/sentences.sbn.</summary>
public sealed record VisitCheck(string Kind)
{
    public string Count { get; init; } = "";
    public string Cases { get; init; } = "";
    public string Window { get; init; } = "";
}

public sealed record PlannedWindow(string Code, string Name, string Probability, IReadOnlyList<string> Reasons);

/// <summary>The evidence annex (线索清单) of one center: every record behind its flags, by id, so an inspector knows
/// exactly which files, recordings and callbacks to pull. Phone numbers only masked.</summary>
public sealed record EvidenceAnnex(
    IReadOnlyList<BackfilledCase> Backfilled,
    IReadOnlyList<ReusedPhone> ReusedPhones,
    IReadOnlyList<VideoEvidence> VideoChecks,
    IReadOnlyList<OverdueCase> Overdue,
    IReadOnlyList<UpheldComplaint> Upheld)
{
    public bool IsEmpty => Backfilled.Count + ReusedPhones.Count + VideoChecks.Count + Overdue.Count + Upheld.Count == 0;
}

public sealed record BackfilledCase(string CaseId, string Window, string Item, string AcceptedAt, string RecordedAt, string Inspection, string Lag);

public sealed record ReusedPhone(string Month, string PhoneMasked, int CaseCount, string CaseIds);

public sealed record VideoEvidence(string CheckId, string CheckedAt, string Window, string Finding);

public sealed record OverdueCase(string CaseId, string Window, string Item, string AcceptedAt, string DueAt, string OverdueDays);

public sealed record UpheldComplaint(string ComplaintId, string ReceivedAt, string Window, string Category, string Verdict, string CaseId);

/// <summary>How earlier plans did: unannounced visits to proposed centers against visits elsewhere. <see cref="Summary"/>
/// is inspection/sentences.sbn's record_summary of <see cref="Comparison"/> (none: no visits yet; compare: both shares;
/// cannot: one side has no visits).</summary>
public sealed record PlanRecord(bool HasHistory, string PlanMonths, RecordLine Proposed, RecordLine NotProposed, string Summary)
{
    public string Comparison { get; init; } = "none";
    public string ProposedShare { get; init; } = "";
    public string OtherShare { get; init; } = "";
}

public sealed record RecordLine(string Visits, string WithProblems, string Share, string ProblemsPerVisit);
