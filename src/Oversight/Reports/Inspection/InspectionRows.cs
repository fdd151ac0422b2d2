namespace Oversight.Reports.Inspection;

// Rows read from sql/reports/inspection/*.sql (Dapper maps snake_case columns to these properties).

public sealed class CandidateRow
{
    public string CenterCode { get; set; } = "";
    public string CenterName { get; set; } = "";
    public double? CenterScore { get; set; }
    public int? CenterRank { get; set; }
    public string? CenterReasons { get; set; }
    public double? WindowScore { get; set; }
    public int? BestWindowRank { get; set; }
    public long RedWarnings { get; set; }
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

public sealed class EmptyPostRow
{
    public string CenterCode { get; set; } = "";
    public int Weekday { get; set; }
    public int Hour { get; set; }
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

public sealed class PlanHistoryRow
{
    public DateOnly Month { get; set; }
    public string CenterCode { get; set; } = "";
    public string Basis { get; set; } = "";
    public string EvidenceKey { get; set; } = "";
}

public sealed class PlanRecordRow
{
    public bool Proposed { get; set; }
    public long Visits { get; set; }
    public long VisitsWithProblems { get; set; }
    public long ProblemsFound { get; set; }
    public long PlanMonths { get; set; }
}
