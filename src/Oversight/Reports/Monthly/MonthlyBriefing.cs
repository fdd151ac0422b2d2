namespace Oversight.Reports.Monthly;

/// <summary>The monthly supervision briefing (月度通报) as the templates see it: every figure already
/// computed and formatted; the templates only lay it out.</summary>
public sealed record MonthlyBriefing(
    string Title,
    string CountyName,
    string MonthLabel,
    string Month,
    string GeneratedAt,
    string Issuer,
    IReadOnlyList<HeadlineFigure> Headline,
    string CompositeFormula,
    IReadOnlyList<RankedCenter> Ranking,
    IReadOnlyList<RankedCenter> RedList,
    IReadOnlyList<RankedCenter> BlackList,
    Svg TrendChart,
    Svg RankingChart,
    Svg HeatMap,
    long OverdueCaseCount,
    IReadOnlyList<CenterOverdue> OverdueByCenter,
    long UpheldComplaintCount,
    IReadOnlyList<CenterComplaints> UpheldByCenter,
    long VideoViolationCount,
    IReadOnlyList<CenterViolations> ViolationsByCenter,
    IReadOnlyList<Movement> Improved,
    IReadOnlyList<Movement> Worsened,
    DataQuality DataQuality);

/// <summary>One headline figure: this month, the month before and a year before, with the changes;
/// <see cref="Trend"/> is "good", "bad" or "flat" for the reader (a falling overdue backlog is good).</summary>
public sealed record HeadlineFigure(string Label, string Value, string Previous, string ChangeFromPrevious,
    string YearAgo, string ChangeFromYearAgo, string Trend);

public sealed record RankedCenter(long Rank, string Code, string Name, string Head, string Cases, string OnTimeRate,
    string Overdue, string Backlog, string Complaints, string Upheld, string Satisfaction, string ViolationRate,
    string Score, string ScoreChange, string List);

public sealed record CenterOverdue(string CenterName, long Cases, long WorkingDays, IReadOnlyList<OverdueCase> Worst, long More);

public sealed record OverdueCase(string CaseId, string Window, string Item, string AcceptedAt, string DueAt, string State, long WorkingDays);

public sealed record CenterComplaints(string CenterName, IReadOnlyList<UpheldComplaint> Complaints);

public sealed record UpheldComplaint(string ComplaintId, string ReceivedAt, string Source, string Category, string Verdict,
    string Window, string Content);

public sealed record CenterViolations(string CenterName, IReadOnlyList<VideoViolation> Checks);

public sealed record VideoViolation(string CheckId, string CheckedAt, string Finding, string Window, string Note);

public sealed record Movement(string CenterName, string ScoreBefore, string ScoreNow, string Change, string Details);

public sealed record DataQuality(long FilesLoaded, long FilesSetAside, long RowsRejected, IReadOnlyList<RejectedFile> RejectedFiles,
    long LateRecords, string LateShare, IReadOnlyList<string> CalendarGaps, string LastLoad);

public sealed record RejectedFile(string File, long Rows);
