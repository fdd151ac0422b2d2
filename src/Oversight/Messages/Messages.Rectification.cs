using Oversight.Calendar;

namespace Oversight;

// The 整改 ledger: oversight rectify and Oversight.Rectification.
public static partial class Messages
{
    public const string RectifyProposing = "提出整改建议";

    public const string RectifyReadingFindings = "读取当月发现的问题";

    public static string RectifyNothingNew(Month month) => $"{month.ChineseLabel}没有新的整改建议（已提出过的不重复提出）。";

    public static string RectifyProposed(int added) => $"新提出整改建议 {added} 项（待确认）。用 oversight rectify list 查看，confirm 交办，drop 不予交办。";

    public const string RectifyNoItems = "没有整改事项。";

    public static string RectifyLight(string light) => $"【{light}】";

    /// <param name="light">The item's light as <see cref="RectifyLight"/> shows it, or empty.</param>
    public static string RectifyListLine(string label, long id, string light, string center, string status, DateOnly? deadline, string description) =>
        $"{label}（{id}）{light} {center} {status}" + (deadline is { } d ? $"，时限 {d:yyyy-MM-dd}" : "") + $"：{description}";

    public static string RectifyAsOf(DateOnly today, string summary) => $"截至 {today:yyyy-MM-dd}，{summary}。";

    public static string RectifyConfirmed(string? docNumber, string center, int? workingDays, DateOnly? deadline) =>
        $"已交办 {docNumber}：{center}，时限 {workingDays} 个工作日，至 {deadline:yyyy-MM-dd}。";

    public static string RectifyDropped(string reference) => $"已撤销建议 {reference}。";

    public static string RectifyAdded(string? docNumber, DateOnly? deadline) => $"已交办 {docNumber}，时限至 {deadline:yyyy-MM-dd}。";

    public static string RectifyUpdated(string reference) => $"已登记 {reference} 的整改情况。";

    public static string RectifyClosed(string reference, string check, bool overridden) =>
        $"已销号 {reference}（{check}" + (overridden ? "，复核人已说明理由" : "") + "）。";

    public static string RectifyReopened(string reference) => $"已退回重改 {reference}。";

    public static string RectifyHeld(string reference, string measure) => $"已登记 {reference} 的责任追究：{measure}。";

    public const string RectifyNothingOpen = "没有未销号的整改事项。";

    public static string RectifyWorkbook(string path) => $"整改台账：{path}";
}

// The ledger's rules refusing a step (Oversight.Rectification).
public static partial class Messages
{
    public static string UnknownRectificationKind(string kind) => $"整改问题类别“{kind}”不在 rectification_kinds 清单内。";

    public static string UnknownSource(string source, IEnumerable<string> sources) => $"来源“{source}”不存在，应为{string.Join("、", sources)}之一。";

    public static string UnknownCenter(string center) => $"中心编码“{center}”不存在。";

    public static string NotInLedger(string reference) => $"整改台账中没有“{reference}”（可用 oversight rectify list 查看编号）。";

    public static string NoDeadlineSetting(string source) => $"没有“{source}”的整改时限设置（metric_settings.csv 中的 rectify_days_*）。";

    public const string DeadlineAtLeastOneDay = "整改时限应至少 1 个工作日。";

    public static string AssignedEvent(string docNumber, int days, DateOnly deadline) => $"{docNumber}，时限 {days} 个工作日，至 {deadline:yyyy-MM-dd}";

    public static string CannotReport(string item, string status) => $"{item}状态为“{status}”，不能填报整改情况。";

    public static string CompletedBeforeAssigned(DateOnly completed, DateOnly assigned) => $"整改完成日期 {completed:yyyy-MM-dd} 早于交办日期 {assigned:yyyy-MM-dd}。";

    public const string ReviewerRequired = "销号须由复核人复核（--reviewer）。";

    public static string NoMeasures(string item) => $"{item}没有报送整改措施，不能销号。";

    public static string NotImprovedNeedsOverride(string item, string check) =>
        $"{item}数据未见改善：{check}。确需销号的，请由复核人用 --override \"理由\" 说明理由（将记录在案）。";

    public static string ReviewerNote(string check, string? reason) => $"{check}；复核人说明：{reason}";

    public const string ReturnNeedsReason = "退回重改须说明理由（--reason）。";

    public static string UnknownMeasure(string measure, IEnumerable<string> measures) => $"责任追究方式“{measure}”不在清单内：{string.Join("、", measures)}。";

    public static string NotAssignedYet(string item) => $"{item}尚未交办，不能登记责任追究。";

    public static string AccountabilityEvent(string measure, string? person) =>
        $"责任追究：{measure}" + (string.IsNullOrWhiteSpace(person) ? "" : $"（{person}）");

    public static string StatusChangeRefused(string item, string from, string to) => $"{item}当前状态为“{from}”，不能改为“{to}”。";

    public static string UnknownStatus(string status, IEnumerable<string> statuses) =>
        $"状态“{status}”不存在，应为{string.Join("、", statuses)}之一（逾期由时限自动判定，不需填写）。";

    public static string NothingOpenAt(string center) => $"中心“{center}”没有未销号的整改事项。";

    public static string ProposalLabel(long id) => $"建议第 {id} 号";

    public static string LightsSummary(int open, int red, int yellow, int blue) =>
        $"未销号 {open} 项：红灯（逾期）{red}、黄灯（滞后）{yellow}、蓝灯（临近时限）{blue}";
}

// What the ledger writes into its items and events, and the data check a 销号 rests on (Oversight.Rectification).
public static partial class Messages
{
    /// <summary>整改〔2026〕12号: an item's number once assigned.</summary>
    public static string RectifyDocNumber(int year, int seq) => $"整改〔{year}〕{seq}号";

    /// <summary>The actor of the events the product itself records (a proposal).</summary>
    public const string RectifySystemActor = "系统";

    public static string ProposalBriefingRef(Month month, string? documentNumber) =>
        $"{month.ChineseLabel}通报" + (documentNumber is null ? "" : $"（{documentNumber}）");

    public static string ProposalVisitRef(string visitType, string visitId) => $"{visitType}（检查编号 {visitId}）";

    public static string ProposalVisitFinding(DateOnly day, string visitType, int problems, string? findings) =>
        $"{day.Year}年{day.Month}月{day.Day}日{visitType}发现问题 {problems} 个" + (string.IsNullOrWhiteSpace(findings) ? "。" : $"：{findings}");

    public static string ProposalComplaintRef(string complaintId) => $"投诉编号 {complaintId}";

    public static string ProposalComplaintFinding(DateOnly day, string category, string? content) =>
        $"{day.Year}年{day.Month}月{day.Day}日收到的{category}投诉核查属实" + (string.IsNullOrWhiteSpace(content) ? "。" : $"：{content}");

    public const string DataCheckNotMeasurable = "该项无可核对的数据指标，凭整改措施和佐证销号";

    public const string DataCheckNoDataYet = "交办后尚无完整月份的数据可核对，下月通报将复核";

    /// <param name="stillThere">What "still there" means for the item's kind (the Persists* entries).</param>
    public static string DataCheckPersists(Month month, string stillThere) => $"{month.ChineseLabel}数据显示问题仍然存在（{stillThere}）";

    public static string DataCheckImproved(Month month) => $"{month.ChineseLabel}数据显示已改善";

    // What "still there" means per kind, in the words of sql/marts/mart_rectification_check.sql.
    public const string PersistsOverdue = "按期办结率仍低于全县且有超期办件";
    public const string PersistsLongOpen = "所列长期未办结办件月末仍未办结";
    public const string PersistsComplaints = "当月仍有属实投诉";
    public const string PersistsVideo = "视频抽查仍发现违规";
    public const string PersistsEmptyHall = "视频抽查仍发现大厅无人";
    public const string PersistsSatisfaction = "回访满意率仍低于全县";
    public const string PersistsVisit = "此后的检查仍发现问题";
    public const string PersistsBackfill = "补录率仍高于全县";
    public const string PersistsBadRating = "所列差评仍未整改或又有差评逾期未整改";
    public const string PersistsOther = "问题仍然存在";

    // The 通报's annex: whether a township has sent its measures.
    public const string MeasuresSent = "已报送";
    public const string MeasuresNotSent = "未报送";
}

// The 整改台账 workbook a township fills in (RectificationWorkbook): its title, read-only column labels and the status dropdown.
public static partial class Messages
{
    public static string LedgerTitle(string center, DateOnly asOf, int open) =>
        $"{center}整改台账（截至 {asOf.Year}年{asOf.Month}月{asOf.Day}日，共 {open} 项未销号）";

    public const string LedgerSheet = "整改台账";
    public const string LedgerProblem = "问题";
    public const string LedgerRequirement = "整改要求";
    public const string LedgerUnit = "责任单位";
    public const string LedgerDeadline = "时限";
    public const string LedgerReview = "复核";
    public const string LedgerLight = "灯色";

    public static string LedgerUnitWindow(string center, string windowCode) => $"{center}（窗口 {windowCode}）";

    public static string LedgerReturned(int times) => $"退回重改 {times} 次";

    public static string LedgerStatusChoices(IEnumerable<string> choices) => $"请选择：{string.Join("、", choices)}（销号由县里复核）";
}
