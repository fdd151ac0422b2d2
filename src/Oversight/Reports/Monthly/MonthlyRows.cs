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
    public long CompletedOnTime { get; set; }
    public double? TimelinessRate { get; set; }
    public long CompletedOverdue { get; set; }
    public long BacklogOverdue { get; set; }
    public long Complaints { get; set; }
    public long ComplaintsUpheld { get; set; }
    public double? UpheldPer1000Cases { get; set; }
    public long CallbacksRated { get; set; }
    public double? SatisfactionRate { get; set; }
    public long VideoChecks { get; set; }
    public long VideoViolations { get; set; }
    public double? ViolationRate { get; set; }
    public double PointsTimeliness { get; set; }
    public double PointsSatisfaction { get; set; }
    public double PointsVideo { get; set; }
    public double PointsComplaints { get; set; }
    public double CompositeScore { get; set; }
    public double? ScoreChange { get; set; }
    public long VideoEmptyChecks { get; set; }

    /// <summary>Found an empty hall in the month (ranking.sql): on the black list whatever its rates.</summary>
    public bool IsEmptyHall { get; set; }
}

/// <summary>core_setting's composite weights, cap and shrinkage strengths (sql/reports/monthly/composite_settings.sql).</summary>
public sealed class CompositeSettings
{
    public double CompositeWeightTimeliness { get; set; }
    public double CompositeWeightSatisfaction { get; set; }
    public double CompositeWeightVideo { get; set; }
    public double CompositeWeightComplaints { get; set; }

    /// <summary>The most a center can score: the sum of the weights (the ranking chart's maximum, "满分 N 分").</summary>
    public double FullMarks => CompositeWeightTimeliness + CompositeWeightSatisfaction + CompositeWeightVideo + CompositeWeightComplaints;
    public double ComplaintCapPer1000 { get; set; }
    public double ShrinkCasesTimeliness { get; set; }
    public double ShrinkRatingsSatisfaction { get; set; }
    public double ShrinkChecksVideo { get; set; }
    public double ShrinkCasesComplaints { get; set; }
    public int LongOpenDaysPastDue { get; set; }
    public int YellowDaysLeft { get; set; }
    public double YellowShareUsed { get; set; }
}

internal sealed class WarningRow
{
    public string CenterCode { get; set; }
    public long Red { get; set; }
    public long Yellow { get; set; }
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
    public double? TimelinessRate { get; set; }
    public double? OverdueRate { get; set; }
    public long Complaints { get; set; }
    public double? SatisfactionRate { get; set; }
}

internal sealed class HeatRow
{
    public string CenterCode { get; set; }
    public string CenterName { get; set; }
    public DateOnly Month { get; set; }
    public double? TimelinessRate { get; set; }
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
    public long DaysPastDue { get; set; }
    public bool IsLongOpen { get; set; }
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
    public bool IsEmptyHall { get; set; }
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
    public int BackfillHours { get; set; }
    public DateTime? LastLoad { get; set; }
}

/// <summary>A center's back-fill burst in the month (sql/reports/monthly/backfill_bursts.sql).</summary>
internal sealed class BackfillRow
{
    public string CenterCode { get; set; }
    public long Cases { get; set; }
    public long Backfilled { get; set; }
    public double BackfillShare { get; set; }
    public double CountyShare { get; set; }
    public double ShrunkShare { get; set; }
    public int BackfillHours { get; set; }
}

/// <summary>A center's 差评 due in the month, some not rectified in time (sql/reports/monthly/bad_ratings_late.sql).</summary>
internal sealed class BadRatingLateRow
{
    public string CenterCode { get; set; }
    public long Due { get; set; }
    public long Late { get; set; }
    public string LateIds { get; set; }
    public double InTimeRate { get; set; }
    public double CountyInTimeRate { get; set; }
    public int LimitDays { get; set; }
}
