using System.Globalization;
using System.Text.RegularExpressions;

namespace Oversight.Assessment;

/// <summary>What an assessment covers: one quarter (2026Q3) or a year (its quarters 1–4).</summary>
public readonly record struct AssessmentPeriod(int Year, int FirstQuarter, int LastQuarter)
{
    public bool IsQuarter => FirstQuarter == LastQuarter && !IsYear;

    /// <summary>A year is always 1–4, even when only some quarters hold data.</summary>
    public bool IsYear { get; init; }

    public static AssessmentPeriod OfYear(int year) => new(year, 1, 4) { IsYear = true };

    public static AssessmentPeriod OfQuarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 ? new(year, quarter, quarter) : throw new AssessmentException($"季度应为 1–4：{quarter}");

    /// <summary>Parses 2026Q3 (also 2026q3, 2026-Q3, 2026年第3季度).</summary>
    public static AssessmentPeriod ParseQuarter(string text)
    {
        var m = Regex.Match(text.Trim(), @"^(\d{4})\s*(?:-?[Qq]|年第)\s*([1-4])(?:季度)?$");
        if (!m.Success) throw new AssessmentException($"季度“{text}”格式不对，应写成 2026Q3 这样的形式。");
        return OfQuarter(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    public DateOnly Start => new(Year, FirstQuarter * 3 - 2, 1);

    public DateOnly End => new DateOnly(Year, LastQuarter * 3, 1).AddMonths(1).AddDays(-1);

    public static readonly string[] QuarterNames = ["第一季度", "第二季度", "第三季度", "第四季度"];

    public string Label => IsYear ? $"{Year}年度" : $"{Year}年{QuarterNames[FirstQuarter - 1]}";

    public string FileTag => IsYear ? $"{Year}" : $"{Year}Q{FirstQuarter}";
}
