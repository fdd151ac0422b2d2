namespace Oversight.Reports.Annual;

/// <summary>An assessment (乡镇长考核 or 窗口工作人员考核, a year or a quarter) as the templates see it. A draft
/// (<see cref="IsDraft"/>, 征求意见稿) has no publication dates in its <see cref="AppealNotice"/>; <see cref="Form"/>
/// carries the 公文 parts (issuing bodies, 主送, 落款 and 成文日期 = the first day of the 公示, 抄送).</summary>
public sealed record AnnualAssessmentReport(
    string Title,
    string CountyName,
    string Period,
    string GeneratedAt,
    string Issuer,
    string SchemeName,
    string RulesDescription,
    bool IsStaff,
    bool IsDraft,
    string SubjectLabel,
    CoverageFacts Coverage,
    PartialPeriod? PartialPeriod,
    IReadOnlyList<VetoBanner> VetoBanners,
    RankingStability? Stability,
    IReadOnlyList<RuleText> Rules,
    IReadOnlyList<PartText> Parts,
    IReadOnlyList<BandText> Bands,
    MethodFacts Method,
    IReadOnlyList<BandGap> BandGaps,
    IReadOnlyList<string> NotEvidenced,
    IReadOnlyList<string> QuarterHeaders,
    IReadOnlyList<RankedRow> Ranking,
    IReadOnlyList<HonourText> Honours,
    AppealNotice AppealNotice,
    IReadOnlyList<AppealText> Appeals,
    IReadOnlyList<SubjectAppendix> Appendix,
    Monthly.BriefingForm Form)
{
    /// <summary>责任追究 decided in the period on 整改 items, printed at the end of the appendix.</summary>
    public IReadOnlyList<AccountabilityText> Accountability { get; init; } = [];

    /// <summary>The tables laid out from the catalogue's specs (report-templates/figures.json, assessment_tables).</summary>
    public AssessmentTableSet? Tables { get; init; }
}

/// <summary>What the assessment covers: the <see cref="Quarters"/> with data (their names) of <see cref="Year"/>, and the
/// last day of data when it stops before the period's end (<see cref="LastDay"/>, "" when it does not). Worded in
/// annual/sentences.sbn (coverage_text), which the command line prints too.</summary>
public sealed record CoverageFacts(string Year, bool IsYear, IReadOnlyList<string> Quarters, string LastDay);

/// <summary>A period not yet over (<see cref="NotOver"/>) or whose data stop before its end, marked on the first page: the
/// last day of data, the first day without, the year's quarters without data. Worded in annual/sentences.sbn
/// (partial_notice), which the command line prints too.</summary>
public sealed record PartialPeriod(bool IsYear, bool NotOver, string PeriodEnd, string LastDay, string FirstMissingDay,
    IReadOnlyList<string> MissingQuarters);

/// <summary>A quarter in which a veto took most subjects' eligibility; <see cref="ByTheLetter"/>: the rule vetoes on a
/// single record, as the scheme's text says (the county may write the line it applies). Worded in annual/sentences.sbn.</summary>
public sealed record VetoBanner(string Year, string Quarter, string Subjects, string Vetoed, string Rule, bool ByTheLetter);

/// <summary>The Spearman correlation of two resampled rankings (formatted); <see cref="Unstable"/> when below 0.7, where
/// the text asks readers to use 档次 rather than ranks. Worded in annual/sentences.sbn.</summary>
public sealed record RankingStability(string Coefficient, bool Unstable);

public sealed record RuleText(string Kind, string Source, string Label, string Points, string Part) : IAssessmentRow
{
    public string? Field(string name) => name switch
    {
        "kind" => Kind, "source" => Source, "label" => Label, "points" => Points, "part" => Part, _ => null,
    };
}

public sealed record PartText(string Label, string Points);

/// <summary>A band (等次) and what it takes: a minimum score, a top-N place, no veto; worded in annual/sentences.sbn.</summary>
public sealed record BandText(string Name, string? MinScore, string? TopN, bool RequiresQualified);

/// <summary>Nobody in <see cref="Post"/> ("" for all) holds the top band <see cref="Band"/>: nobody was eligible, or the
/// top-N cut-off fell inside the first 档次 (<see cref="FirstTier"/> subjects). Worded in annual/sentences.sbn.</summary>
public sealed record BandGap(string Post, string Band, int Eligible, int FirstTier, string TopN);

/// <summary>What 一、考核方法 says, as facts; worded in annual/sentences.sbn (method_items). <see cref="KindNotes"/> and
/// <see cref="RuleNotes"/> are the rule kinds' own sentences (a rule kind owns its description).</summary>
public sealed record MethodFacts(string BasePoints, IReadOnlyList<PartText> Parts, string? MinQuarterScore, string? MaxAdditions,
    string? MaxScore, bool HasAdditions, IReadOnlyList<string> KindNotes, HonourRule? Honour, IReadOnlyList<string> RuleNotes,
    GateFacts Gate, IReadOnlyList<string> GateBands, RankingFacts Ranking);

/// <summary>The quarter's honour list: the top <see cref="TopN"/> qualified subjects are named <see cref="Name"/>.</summary>
public sealed record HonourRule(string Name, string TopN);

/// <summary>The credibility gate's tests in force (null: not applied); shares are printed percentages ("50%").</summary>
public sealed record GateFacts(EmptyHallTest? EmptyHall, BackfillTest? Backfill, string? MinCasesPerThousandResidents,
    string? MinCasesPerWindow, string? MinCases, string? MinScore);

public sealed record EmptyHallTest(string MinChecks, string Share);

public sealed record BackfillTest(string Share, string Hours);

/// <summary>How ties and noise are ranked: the interval's <see cref="Level"/> ("90%") from <see cref="Draws"/> redraws
/// ("0": none), separation, the cut-off rule (<see cref="TieAll"/>), separate rankings per post.</summary>
public sealed record RankingFacts(string Level, string Draws, bool Bootstrap, bool RequireSeparation, bool TieAll, bool ByPost);

/// <summary>One honoured subject (or the next below the list): its name, its center for staff ("" for centers), score,
/// interval (null without one) and 档次.</summary>
public sealed record HonourEntry(string Name, string Center, string Score, string? Low, string? High, string Tier);

/// <summary>Why the honour list is what it is: <see cref="Eligible"/> subjects passed the veto and the gate; <see cref="Next"/>
/// is the best eligible one left out (in the next 档次).</summary>
public sealed record HonourWhy(int Eligible, string TopN, bool TieAll, HonourEntry? Next);

/// <summary>A ranking row: <see cref="RankText"/> says 并列 when shared; <see cref="Interval"/> the score's bootstrap
/// interval; <see cref="Tier"/> its 档次; <see cref="Group"/> the post compared within; <see cref="Gate"/> why it may not be
/// honoured. <see cref="RankText"/>, <see cref="Disqualified"/> and <see cref="Gate"/> as annual/sentences.sbn words them
/// (rank_text, vetoed_quarters, gate_reasons), once for the documents and the workbook.</summary>
public sealed record RankedRow(int Rank, string Code, string Name, string Center, string Detail, IReadOnlyList<string> Quarters,
    string Score, string Band, string Disqualified, string Deductions, string Additions, string RankText, string Interval, string Tier,
    string Group, string Gate) : IAssessmentRow
{
    public IReadOnlyList<string> QuarterCells => Quarters;

    public string RowKey => Code;

    /// <summary><see cref="Detail"/> is the township head of a center, the window of a staff member.</summary>
    public string? Field(string name) => name switch
    {
        "rank" => Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), "rank_text" => RankText, "code" => Code, "name" => Name,
        "center" => Center, "head" or "window" => Detail, "post" => Group, "score" => Score, "interval" => Interval, "tier" => Tier,
        "band" => Band, "deductions" => Deductions, "additions" => Additions, "disqualified" => Disqualified, "gate" => Gate, _ => null,
    };
}

public sealed record HonourText(string Quarter, string Name, IReadOnlyList<HonourEntry> Names, HonourWhy Why);

public sealed record AppealNotice(string PublishedOn, string Deadline, string WorkingDays, string Address, string Bring);

public sealed record AppealText(long AppealId, string CenterName, string Source, string RecordId, string Decision, string Reason,
    string Approver, string DecidedOn, string Filed) : IAssessmentRow
{
    public string? Field(string name) => name switch
    {
        "appeal_id" => AppealId.ToString(System.Globalization.CultureInfo.InvariantCulture), "center" => CenterName, "source" => Source,
        "record_id" => RecordId, "decision" => Decision, "reason" => Reason, "approver" => Approver, "decided_on" => DecidedOn,
        "filed" => Filed, _ => null,
    };
}

/// <summary>A subject's part of the appendix: a staff member's <see cref="Window"/> or a center's <see cref="Head"/> ("" for
/// the other), worded in annual/sentences.sbn (appendix_detail).</summary>
public sealed record SubjectAppendix(string Code, string Name, string Township, string Window, string Head, string Score,
    IReadOnlyList<QuarterAppendix> Quarters);

/// <summary>A quarter of the appendix: <see cref="Floor"/> is the scheme's minimum when the score was raised to it (null
/// otherwise); <see cref="Disqualified"/> when a veto barred the quarter. Worded in annual/sentences.sbn (quarter_score,
/// quarter_vetoed).</summary>
public sealed record QuarterAppendix(string Label, string BasePoints, string Points, string Score, string? Floor, string Band, bool Disqualified,
    IReadOnlyList<LineText> Lines)
{
    /// <summary>The lines as the appendix table prints them (columns: <see cref="AssessmentTableSet.LineColumns"/>).</summary>
    public IReadOnlyList<Figures.TableRow> Rows { get; init; } = [];
}

/// <summary>A scored line as the tables print it; <see cref="Note"/> and <see cref="Appeal"/> as annual/sentences.sbn words them
/// (line_notes, line_appeal), once for the documents and the workbook.</summary>
public sealed record LineText(string Date, string Source, string RecordId, string Rule, string Quantity, string Points, string Note,
    string Appeal) : IAssessmentRow
{
    public string? Field(string name) => name switch
    {
        "date" => Date, "source" => Source, "record_id" => RecordId, "rule" => Rule, "quantity" => Quantity, "points" => Points,
        "note" => Note, "appeal" => Appeal, _ => null,
    };
}

/// <summary>A line of the workbook's 逐条计分 sheet: the line with its subject and quarter.</summary>
public sealed record SheetLine(SubjectAppendix Subject, QuarterAppendix Quarter, LineText Line) : IAssessmentRow
{
    public string? Field(string name) => name switch
    {
        "code" => Subject.Code, "name" => Subject.Name, "township" => Subject.Township, "quarter" => Quarter.Label, _ => Line.Field(name),
    };
}
