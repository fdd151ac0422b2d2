namespace Oversight.Reports.Monthly;

// Rows as the sql/reports/monthly queries return them (snake_case columns map onto these names).
#pragma warning disable CS8618 // set by Dapper

internal sealed class RankingRow
{
    public long Rank { get; set; }
    public string CenterCode { get; set; }
    public string CenterName { get; set; }
    public string? HeadName { get; set; }
    public long CasesAccepted { get; set; }
    public long CasesCompleted { get; set; }
    public double? OnTimeRate { get; set; }
    public long CompletedOverdue { get; set; }
    public long BacklogOverdue { get; set; }
    public long Complaints { get; set; }
    public long ComplaintsUpheld { get; set; }
    public double? SatisfactionRate { get; set; }
    public double? ViolationRate { get; set; }
    public double CompositeScore { get; set; }
    public double? ScoreChange { get; set; }
}

internal sealed class HeadlineRow
{
    public string Metric { get; set; }
    public double? Value { get; set; }
    public double? PreviousValue { get; set; }
    public double? YearAgoValue { get; set; }
}

internal sealed class TrendRow
{
    public DateOnly Month { get; set; }
    public long CasesAccepted { get; set; }
    public double? OnTimeRate { get; set; }
    public double? OverdueRate { get; set; }
    public long Complaints { get; set; }
    public double? SatisfactionRate { get; set; }
}

internal sealed class HeatRow
{
    public string CenterCode { get; set; }
    public string CenterName { get; set; }
    public DateOnly Month { get; set; }
    public double? OverdueRate { get; set; }
}

internal sealed class OverdueCaseRow
{
    public string CenterCode { get; set; }
    public string CaseId { get; set; }
    public string WindowCode { get; set; }
    public string WindowName { get; set; }
    public string? ItemName { get; set; }
    public DateTime AcceptedAt { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public long OverdueWorkingDays { get; set; }
    public bool IsOpen { get; set; }
}

internal sealed class ComplaintRow
{
    public string CenterCode { get; set; }
    public string ComplaintId { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string Source { get; set; }
    public string Category { get; set; }
    public string Verdict { get; set; }
    public string? Content { get; set; }
    public string? WindowName { get; set; }
}

internal sealed class ViolationRow
{
    public string CenterCode { get; set; }
    public string CheckId { get; set; }
    public DateTime CheckedAt { get; set; }
    public string Finding { get; set; }
    public string? WindowName { get; set; }
    public string? Note { get; set; }
}

internal sealed class ChangeRow
{
    public string CenterCode { get; set; }
    public string Metric { get; set; }
    public double? Value { get; set; }
    public double? PreviousValue { get; set; }
    public double ChangeFromPrevious { get; set; }
}

internal sealed class DataQualityRow
{
    public long FilesLoaded { get; set; }
    public long FilesSetAside { get; set; }
    public long RowsRejected { get; set; }
    public long LateRecords { get; set; }
    public long MonthCases { get; set; }
    public DateTime? LastLoad { get; set; }
}
