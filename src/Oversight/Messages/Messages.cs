namespace Oversight;

/// <summary>
/// The catalogue of what a county user reads from the program (CLI output, errors): one named entry per
/// message, so wording is changed in one place and a test checks every entry is Chinese and uses each of
/// its values. Grouped by area in partial files. Report wording stays in report-templates/, ingest reject
/// reasons in sql/ingest/.
/// </summary>
public static partial class Messages
{
    // Months and periods (Oversight.Calendar).
    public static string BadMonth(string? text) => $"月份“{text}”格式不对，应写成 2026-10 或 2026年10月。";

    public static string MonthOutOfRange(int year, int month) => $"没有 {year} 年 {month} 月这个月份（年份 1–9999，月份 1–12）。";

    public static string BadQuarter(string? text) => $"季度“{text}”格式不对，应写成 2026Q3 或 2026年第三季度。";

    public static string QuarterOutOfRange(int quarter) => $"季度应为 1–4：{quarter}";

    public static string BadPeriod(string? text) => $"期间“{text}”格式不对，应写成 2026-10（月）、2026Q3（季度）或 2026（年度）。";

    public static string BadDay(string? text) => $"日期“{text}”格式不对，应写成 2026-11-05 这样的形式。";

    // Flags and backtests (Oversight.Analytics).
    public static string NothingToScore(Calendar.Month month) => $"{month.ChineseLabel}没有可评分的数据。";

    public static string BacktestEndsBeforeStart(Calendar.Month first, Calendar.Month last) =>
        $"回测的结束月份（{last.ChineseLabel}）早于开始月份（{first.ChineseLabel}）。";

    // Assessment schemes (Oversight.Assessment).
    public static string UnknownRuleKind(string kind, string choices) => $"kind “{kind}”不对，应为 {choices}。";
}
