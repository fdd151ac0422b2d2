using System.Globalization;
using Oversight.Reports.Workbooks;

namespace Oversight.Reports.Monthly;

/// <summary>The briefing's annex tables as a workbook for county staff who work in Excel or WPS: one sheet per
/// annex. Every figure is the number the HTML prints (the ranking through the figure catalogue, the lists from the same
/// formatted view model), so they cannot disagree, written as a number cell where it is one, a time as a date cell.</summary>
public static class MonthlyWorkbook
{
    public static readonly string[] SheetNames = ["各中心运行情况", "超期办件", "长期未办结", "属实投诉", "视频抽查问题", "整改台账"];

    public static void Write(string path, MonthlyBriefing b)
    {
        var sheets = new List<(string Name, List<object?[]> Rows)>
        {
            (SheetNames[1], [
                ["中心", "办件编号", "窗口", "事项", "受理时间", "应办结时间", "状态", "超期工作日"],
                .. b.OverdueByCenter.SelectMany(c => c.Cases.Select(k => new object?[]
                    { c.CenterName, k.CaseId, k.Window, k.Item, When(k.AcceptedAt), When(k.DueAt), k.State, Num(k.WorkingDays) })),
            ]),
            (SheetNames[2], [
                ["中心", "办件编号", "窗口", "事项", "受理时间", "应办结时间", "超过应办结时间（天）", "超期工作日"],
                .. b.LongOpenByCenter.SelectMany(c => c.Cases.Select(k => new object?[]
                    { c.CenterName, k.CaseId, k.Window, k.Item, When(k.AcceptedAt), When(k.DueAt), Num(k.DaysPastDue), Num(k.WorkingDays) })),
            ]),
            (SheetNames[3], [
                ["中心", "编号", "受理时间", "来源", "类别", "核查结果", "窗口", "投诉内容"],
                .. b.UpheldByCenter.SelectMany(c => c.Complaints.Select(k => new object?[]
                    { c.CenterName, k.ComplaintId, When(k.ReceivedAt), k.Source, k.Category, k.Verdict, k.Window, k.Content })),
            ]),
            (SheetNames[4], [
                ["中心", "抽查编号", "时间", "问题", "窗口", "备注"],
                .. b.ViolationsByCenter.SelectMany(c => c.Checks.Select(k => new object?[]
                    { c.CenterName, k.CheckId, When(k.CheckedAt), k.Finding, k.Window, k.Note })),
            ]),
            // The 整改 items open at the month's end by township, overdue (红) first: what the 通报's follow-up counts.
            (SheetNames[5], [
                ["乡镇（街道）", "整改编号", "问题", "交办日期", "整改时限", "月末状态", "月末灯色", "逾期工作日", "整改措施"],
                .. (b.Rectification?.OpenItems ?? []).Select(k => new object?[]
                    { k.Township, k.Number, k.Problem, When(k.AssignedOn), When(k.Deadline), k.Status, k.Light, Num(k.WorkingDaysLate), k.Measures }),
            ]),
        };

        // The ranking's sheet is laid out from the figure catalogue's spec (monthly.ranking.sheet), like the documents' table.
        var ranking = b.RankingSheet ?? throw new InvalidOperationException("The briefing was built without its ranking sheet.");
        WorkbookWriter.Write(path, [ranking, .. sheets.Select(s => new SheetTable(s.Name, s.Rows[0].Select(h => (string)h!).ToList(), s.Rows.Skip(1).ToList()))]);
    }

    /// <summary>A printed time ("2026-10-12 09:30") or day as the date cell it shows; other text ("2026-10-15 办结") stays text.</summary>
    private static object? When(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : text;

    /// <summary>A printed figure ("1,234", "95.2%", "12.5") as the number it shows; "—" (no data) stays empty.</summary>
    private static object? Num(string text)
    {
        var t = text.Replace(",", "").TrimEnd('%');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
