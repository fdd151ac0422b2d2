using System.Globalization;

namespace Oversight.Reports;

/// <summary>How figures read in a Chinese briefing: percentages with one decimal, changes in percentage
/// points, dates as 2026年10月. Templates receive these strings and only lay them out.</summary>
public static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Percent(double? rate) => rate is { } r ? (100 * r).ToString("0.0", Invariant) + "%" : "—";

    public static string Count(long n) => n.ToString("N0", Invariant);

    public static string Number(double? value, string format = "0.0") => value is { } v ? v.ToString(format, Invariant) : "—";

    public static string Month(DateOnly month) => Calendar.Month.Of(month).ChineseLabel;

    /// <summary>A date as GB/T 9704 writes the 成文日期: Arabic numerals, no leading zeros, "2026年11月5日".</summary>
    public static string ChineseDate(DateOnly day) => Calendar.ChineseDay.Label(day);

    public static string Day(DateTime t) => t.ToString("yyyy-MM-dd", Invariant);

    public static string Minute(DateTime t) => t.ToString("yyyy-MM-dd HH:mm", Invariant);

    /// <summary>A change for a rate, in percentage points: "↑1.2个百分点", "↓0.4个百分点", "持平".</summary>
    public static string RateChange(double? current, double? before)
    {
        if (current is null || before is null) return "—";
        var points = 100 * (current.Value - before.Value);
        return Math.Abs(points) < 0.05 ? "持平" : (points > 0 ? "↑" : "↓") + Math.Abs(points).ToString("0.0", Invariant) + "个百分点";
    }

    /// <summary>A change for a count or score: "↑12（+8.3%）", "↓3", "持平".</summary>
    public static string ValueChange(double? current, double? before, string format = "#,0", bool withPercent = true)
    {
        if (current is null || before is null) return "—";
        var diff = current.Value - before.Value;
        if (Math.Abs(diff) < 0.05) return "持平";
        var text = (diff > 0 ? "↑" : "↓") + Math.Abs(diff).ToString(format, Invariant);
        return withPercent && before.Value > 0 ? $"{text}（{(diff >= 0 ? "+" : "−")}{Math.Abs(100 * diff / before.Value).ToString("0.0", Invariant)}%）" : text;
    }
}
