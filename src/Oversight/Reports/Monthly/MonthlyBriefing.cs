namespace Oversight.Reports.Monthly;

/// <summary>The monthly supervision briefing (月度通报) as the templates see it, in the 通报 form (GB/T 9704):
/// issuing bodies and 文号, title, 主送, 基本情况, 存在的问题, 下步工作要求, 附件 list, 落款 and 成文日期, 抄送;
/// then the annexes. Every figure is already computed and formatted; the templates only lay it out.</summary>
public sealed record MonthlyBriefing(
    string Title,
    string CountyName,
    string MonthLabel,
    string Month,
    string GeneratedAt,
    string Issuer,
    BriefingForm Form,
    IReadOnlyList<string> Overview,
    IReadOnlyList<HeadlineFigure> Headline,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Requirements,
    IReadOnlyList<string> Annexes,
    string CompositeFormula,
    IReadOnlyList<string> FormulaNotes,
    IReadOnlyList<RankedCenter> Ranking,
    IReadOnlyList<RankedCenter> RedList,
    IReadOnlyList<RankedCenter> BlackList,
    Svg TrendChart,
    Svg RankingChart,
    Svg HeatMap,
    string OverdueCaseCount,
    IReadOnlyList<CenterOverdue> OverdueByCenter,
    string LongOpenCaseCount,
    IReadOnlyList<CenterOverdue> LongOpenByCenter,
    string UpheldComplaintCount,
    IReadOnlyList<CenterComplaints> UpheldByCenter,
    string VideoViolationCount,
    string ViolationKinds,
    IReadOnlyList<CenterViolations> ViolationsByCenter,
    IReadOnlyList<Movement> Improved,
    IReadOnlyList<Movement> Worsened,
    DataQuality DataQuality,
    string? WorkbookFile,
    Rectification.RectificationFollowUp? Rectification = null);

/// <summary>The 通报's fixed parts: who issues it, its number, to whom, when, and who gets a copy.</summary>
public sealed record BriefingForm(IReadOnlyList<string> IssuingBodies, string DocumentNumber, string MainTo, string IssuedOn,
    string CopyTo, string PrintedBy, string PrintedOn);

/// <summary>One headline figure: this month, the month before and a year before, with the changes;
/// <see cref="Trend"/> is "good", "bad" or "flat" for the reader (a falling overdue backlog is good).</summary>
public sealed record HeadlineFigure(string Label, string Value, string Previous, string ChangeFromPrevious,
    string YearAgo, string ChangeFromYearAgo, string Trend);

/// <summary>A center's row of the ranking: <see cref="Timeliness"/> is the 按期办结率 the composite uses.</summary>
public sealed record RankedCenter(long Rank, string Code, string Name, string Head, string Cases, string Completed, string Timeliness,
    string Overdue, string Backlog, string LongOpen, string Complaints, string Upheld, string UpheldPer1000, string Satisfaction,
    string VideoChecks, string ViolationRate, string PointsTimeliness, string PointsSatisfaction, string PointsVideo,
    string PointsComplaints, string Score, string ScoreChange, string List);

/// <summary>Figures are printed strings ("1,234"); <see cref="Cases"/> holds every case.</summary>
public sealed record CenterOverdue(string CenterName, string Count, string WorkingDays, IReadOnlyList<OverdueCase> Cases);

public sealed record OverdueCase(string CaseId, string Window, string Item, string AcceptedAt, string DueAt, string State,
    string WorkingDays, string DaysPastDue);

public sealed record CenterComplaints(string CenterName, IReadOnlyList<UpheldComplaint> Complaints);

public sealed record UpheldComplaint(string ComplaintId, string ReceivedAt, string Source, string Category, string Verdict,
    string Window, string Content);

public sealed record CenterViolations(string CenterName, IReadOnlyList<VideoViolation> Checks);

public sealed record VideoViolation(string CheckId, string CheckedAt, string Finding, string Window, string Note);

/// <summary>A center whose composite moved; <see cref="Details"/> are the composite's own parts, largest change first.</summary>
public sealed record Movement(string CenterName, string ScoreBefore, string ScoreNow, string Change, string Details);

public sealed record DataQuality(string FilesLoaded, string FilesSetAside, string RowsRejected, IReadOnlyList<RejectedFile> RejectedFiles,
    string LateRecords, string LateShare, IReadOnlyList<string> CalendarGaps, string LastLoad, string AsOf);

public sealed record RejectedFile(string File, string Rows);
