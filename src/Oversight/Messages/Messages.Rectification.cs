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
