namespace Oversight.Reports.Monthly;

/// <summary>The monthly supervision briefing (月度通报) as the templates see it, in the 通报 form (GB/T 9704):
/// issuing bodies and 文号, title, 主送, 基本情况, 存在的问题, 下步工作要求, 附件 list, 落款 and 成文日期, 抄送;
/// then the annexes. Every figure is already computed and formatted; the templates lay it out and hold the sentences
/// (report-templates/monthly/sentences.sbn): <see cref="Overview"/>, <see cref="Problems"/> and <see cref="CompositeFormula"/>
/// are facts, not text.</summary>
public sealed record MonthlyBriefing(
    string Title,
    string CountyName,
    string MonthLabel,
    string Month,
    string GeneratedAt,
    string Issuer,
    BriefingForm Form,
    MonthOverview Overview,
    IReadOnlyList<HeadlineFigure> Headline,
    Figures.FigureTable HeadlineTable,
    IReadOnlyList<ProblemLine> Problems,
    IReadOnlyList<string> Requirements,
    bool HasFollowUp,
    IReadOnlyList<string> Annexes,
    AnnexNumbers Annex,
    CompositeFormula CompositeFormula,
    IReadOnlyList<RankedCenter> Ranking,
    Figures.FigureTable RankingTable,
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
    Rectification.RectificationFollowUp? Rectification = null)
{
    /// <summary>The ranking's workbook sheet, from the same rows and the catalogue's sheet spec (not for templates).</summary>
    internal Workbooks.SheetTable? RankingSheet { get; init; }
}

/// <summary>The 基本情况's figures for the county (formatted), with the change from the month before where the sentence
/// gives one.</summary>
public sealed record MonthOverview(string Centers, OverviewCases Cases, OverviewService Service);

/// <summary>Cases: <see cref="LongOpen"/> is "" when no case is long open; <see cref="Yellow"/> are the 黄牌 warnings.</summary>
public sealed record OverviewCases(string Accepted, MonthChange AcceptedChange, string Completed, string CompletedOverdue,
    string Timeliness, MonthChange TimelinessChange, string Backlog, string LongOpen, string Yellow);

/// <summary>Complaints, callbacks, video checks and the score: <see cref="ViolationKinds"/> names the two most frequent
/// kinds found, <see cref="MoreViolationKinds"/> says there were more.</summary>
public sealed record OverviewService(string Complaints, string Upheld, MonthChange UpheldChange, string Satisfaction, string VideoChecks,
    string ViolationKinds, bool MoreViolationKinds, string VideoViolations, string ViolationRate, string Score, MonthChange ScoreChange);

/// <summary>A figure's change from the month before as the sentence prints it: <see cref="Direction"/> is "up",
/// "down", "flat" (the change rounds to zero) or "none" (no figure for one of the months); <see cref="Amount"/> is the
/// size of the change, formatted, without its unit.</summary>
public sealed record MonthChange(string Direction, string Amount)
{
    public static readonly MonthChange None = new("none", "");
}

/// <summary>Each annex's number (附件N), "" for an annex left out because it would be empty. The ranking and the
/// method are always there.</summary>
public sealed record AnnexNumbers(string Ranking, string Overdue, string LongOpen, string Upheld, string Violations, string Method)
{
    public static AnnexNumbers Of(bool overdue, bool longOpen, bool upheld, bool violations)
    {
        var next = 1;
        string Take(bool present) => present ? (next++).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        return new AnnexNumbers(Take(true), Take(overdue), Take(longOpen), Take(upheld), Take(violations), Take(true));
    }
}

/// <summary>The 通报's fixed parts: who issues it, its number, to whom, when, and who gets a copy. A draft
/// (<see cref="IsDraft"/>, 征求意见稿) has no number and no dates.</summary>
public sealed record BriefingForm(IReadOnlyList<string> IssuingBodies, string DocumentNumber, string MainTo, string IssuedOn,
    string CopyTo, string PrintedBy, string PrintedOn, bool IsDraft);

/// <summary>One headline figure (<see cref="Key"/> in the figure catalogue): this month, the month before and a year
/// before, with the changes; <see cref="Trend"/> is "good", "bad" or "flat" for the reader (a falling overdue backlog is
/// good), from the figure's direction.</summary>
public sealed record HeadlineFigure(string Key, string Label, string Value, string Previous, string ChangeFromPrevious,
    string YearAgo, string ChangeFromYearAgo, string Trend);

/// <summary>A center's place in the ranking (<see cref="List"/>: 红榜, 黑榜 or ""), and each of its figures as printed,
/// by catalogue key: <c>center["timeliness_rate"]</c> is the 按期办结率 the composite uses.</summary>
public sealed class RankedCenter(long rank, string code, string name, string head, string list, IReadOnlyDictionary<string, string> shown)
{
    public long Rank => rank;
    public string Code => code;
    public string Name => name;
    public string Head => head;
    public string List => list;

    /// <summary>The figure as the documents print it; "—" for a figure the ranking does not hold.</summary>
    public string this[string key] => shown.GetValueOrDefault(key, "—");

    public string Score => this["composite_score"];
}

/// <summary>Figures are printed strings ("1,234"); <see cref="Cases"/> holds every case (the XLSX lists them all),
/// <see cref="Listed"/> those the document lists, <see cref="NotListed"/> how many it leaves to the XLSX ("" for none).</summary>
public sealed record CenterOverdue(string CenterName, string Count, string WorkingDays, IReadOnlyList<OverdueCase> Cases)
{
    public IReadOnlyList<OverdueCase> Listed => Cases.Count <= MonthlyBriefingBuilder.ListedPerCenter ? Cases : Cases.Take(MonthlyBriefingBuilder.ListedPerCenter).ToList();

    public string NotListed => Cases.Count <= MonthlyBriefingBuilder.ListedPerCenter ? "" : ReportText.Count(Cases.Count - MonthlyBriefingBuilder.ListedPerCenter);
}

public sealed record OverdueCase(string CaseId, string Window, string Item, string AcceptedAt, string DueAt, string State,
    string WorkingDays, string DaysPastDue);

/// <summary>A center's upheld complaints: all of them for the XLSX, <see cref="Listed"/> for the document.</summary>
public sealed record CenterComplaints(string CenterName, IReadOnlyList<UpheldComplaint> Complaints)
{
    public IReadOnlyList<UpheldComplaint> Listed => Complaints.Count <= MonthlyBriefingBuilder.ListedPerCenter ? Complaints : Complaints.Take(MonthlyBriefingBuilder.ListedPerCenter).ToList();

    public string NotListed => Complaints.Count <= MonthlyBriefingBuilder.ListedPerCenter ? "" : ReportText.Count(Complaints.Count - MonthlyBriefingBuilder.ListedPerCenter);
}

public sealed record UpheldComplaint(string ComplaintId, string ReceivedAt, string Source, string Category, string Verdict,
    string Window, string Content);

public sealed record CenterViolations(string CenterName, IReadOnlyList<VideoViolation> Checks);

public sealed record VideoViolation(string CheckId, string CheckedAt, string Finding, string Window, string Note);

/// <summary>A center whose composite moved; <see cref="Details"/> are the composite's own parts, largest change first,
/// named and judged as the figure catalogue defines them.</summary>
public sealed record Movement(string CenterName, string ScoreBefore, string ScoreNow, string Change, string Details);

/// <summary>The data notes' figures (worded by the partial's data_quality_notes): <see cref="CalendarGaps"/> are the
/// years without a holiday calendar.</summary>
public sealed record DataQuality(string FilesLoaded, string FilesSetAside, string RowsRejected, IReadOnlyList<RejectedFile> RejectedFiles,
    string LateRecords, string LateShare, string BackfillHours, IReadOnlyList<string> CalendarGaps, string LastLoad, string AsOf);

/// <summary>Rejected rows of one feed (<see cref="Feed"/> is the feed's Chinese name, never an internal file name; "" for
/// a file no feed recognised).</summary>
public sealed record RejectedFile(string Feed, string Rows);
