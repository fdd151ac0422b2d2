namespace Oversight.Reports.Inspection;

// Rows read from sql/reports/inspection/*.sql (Dapper maps snake_case columns to these properties).

public sealed class CandidateRow
{
    public string CenterCode { get; set; } = "";
    public string CenterName { get; set; } = "";
    public double? CenterScore { get; set; }
    public int? CenterRank { get; set; }
    public string? CenterReasons { get; set; }
    public bool CenterListed { get; set; }
    public bool CenterStrong { get; set; }
    public double? WindowScore { get; set; }
    public int? BestWindowRank { get; set; }
    public long RedWarnings { get; set; }
    public long OpenCases { get; set; }
    public long Cases3m { get; set; }
    public double? CountyRedShare { get; set; }
    public double? CountyUpheldRate { get; set; }
    public double? CountyViolationRate { get; set; }
    public double RedShareShrunk { get; set; }
    public double UpheldRateShrunk { get; set; }
    public double ViolationRateShrunk { get; set; }
    public long UpheldComplaints { get; set; }
    public long UpheldBribery { get; set; }
    public long VideoChecks { get; set; }
    public long VideoViolations { get; set; }
    public long EmptyHallChecks { get; set; }
    public double BackfillShare { get; set; }
    public double PhoneReuseShare { get; set; }
    public double IdleStaffShare { get; set; }
    public DateTime? LastVisitAt { get; set; }
    public int? LastVisitProblems { get; set; }
    public string? LastVisitFindings { get; set; }
    public double Priority { get; set; }
}

public sealed class WindowFlagRow
{
    public string WindowCode { get; set; } = "";
    public string WindowName { get; set; } = "";
    public string CenterCode { get; set; } = "";
    public double Score { get; set; }
    public int Rank { get; set; }
    public string Reasons { get; set; } = "[]";
}

public sealed class TimingSlotRow
{
    public string CenterCode { get; set; } = "";
    /// <summary>"weekday" (slot 1 = Monday) or "hour" (slot = hour of day).</summary>
    public string SlotKind { get; set; } = "";
    public int Slot { get; set; }
    public long VideoChecks { get; set; }
    public long VideoViolations { get; set; }
}

public sealed class MarketDayRow
{
    public string CenterCode { get; set; } = "";
    public string MarketDays { get; set; } = "";
    public double Lift { get; set; }
    public bool IsMarketTown { get; set; }
}

public sealed class VisitRow
{
    public string VisitId { get; set; } = "";
    public DateOnly Month { get; set; }
    public string CenterCode { get; set; } = "";
    public int ProblemsFound { get; set; }
}

public sealed class BackfilledCaseRow
{
    public string CenterCode { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string? WindowName { get; set; }
    public string? ItemName { get; set; }
    public DateTime AcceptedAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime InspectionAt { get; set; }
}

public sealed class ReusedPhoneRow
{
    public string CenterCode { get; set; } = "";
    public DateOnly Month { get; set; }
    public string? PhoneMasked { get; set; }
    public long Cases { get; set; }
    public string CaseId { get; set; } = "";
    public DateTime CalledAt { get; set; }
    public long PhoneKey { get; set; }
}

public sealed class VideoEvidenceRow
{
    public string CenterCode { get; set; } = "";
    public string CheckId { get; set; } = "";
    public DateTime CheckedAt { get; set; }
    public string? WindowName { get; set; }
    public string Finding { get; set; } = "";
}

public sealed class OverdueEvidenceRow
{
    public string CenterCode { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string? WindowName { get; set; }
    public string? ItemName { get; set; }
    public DateTime AcceptedAt { get; set; }
    public DateTime DueAt { get; set; }
    public int OverdueWorkingDays { get; set; }
}

public sealed class UpheldEvidenceRow
{
    public string CenterCode { get; set; } = "";
    public string ComplaintId { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public string Category { get; set; } = "";
    public string Verdict { get; set; } = "";
    public string? CaseId { get; set; }
    public string? WindowName { get; set; }
}
