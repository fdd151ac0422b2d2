using System.Globalization;

namespace Oversight.Reports;

/// <summary>How figures read in a Chinese briefing: percentages with one decimal, dates as 2026年10月 (a change's words
/// are the figure catalogue's: <see cref="Figures.ChangeWords"/>). Templates receive these strings and only lay them out.</summary>
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
}
