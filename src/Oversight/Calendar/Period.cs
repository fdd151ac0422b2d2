using System.Globalization;
using System.Text.RegularExpressions;

namespace Oversight.Calendar;

public enum PeriodKind { Month, Quarter, Year }

/// <summary>
/// A month, a quarter or a year — what a briefing or an assessment covers. One parser ("2026-10",
/// "2026年10月", "2026Q3", "2026年第三季度", "2025", "2025年度") and two formatters: <see cref="FileTag"/>
/// (2026-10, 2026Q3, 2026) and <see cref="ChineseLabel"/> (2026年10月, 2026年第三季度, 2026年度).
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    public PeriodKind Kind { get; }

    /// <summary>The first month the period covers.</summary>
    public Month First { get; }

    private Period(PeriodKind kind, Month first) => (Kind, First) = (kind, first);

    public static Period Of(Month month) => new(PeriodKind.Month, month);

    public static Period OfQuarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 ? new(PeriodKind.Quarter, Month.Of(year, quarter * 3 - 2))
            : throw new PeriodFormatException(Messages.QuarterOutOfRange(quarter));

    public static Period OfYear(int year) => new(PeriodKind.Year, Month.Of(year, 1));

    public int Year => First.Year;

    /// <summary>1–4 for a quarter or a month's quarter; 0 for a year.</summary>
    public int Quarter => Kind == PeriodKind.Year ? 0 : First.Quarter;

    public int MonthCount => Kind switch { PeriodKind.Month => 1, PeriodKind.Quarter => 3, _ => 12 };

    public Month Last => First.Plus(MonthCount - 1);

    public DateOnly FirstDay => First.FirstDay;

    public DateOnly LastDay => Last.LastDay;

    public IEnumerable<Month> Months => Month.Range(First, Last);

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    public Period Next => new(Kind, First.Plus(MonthCount));

    public Period Previous => new(Kind, First.Plus(-MonthCount));

    public static readonly IReadOnlyList<string> QuarterNames = ["第一季度", "第二季度", "第三季度", "第四季度"];

    public string FileTag => Kind switch
    {
        PeriodKind.Month => First.FileTag,
        PeriodKind.Quarter => $"{Year:D4}Q{Quarter}",
        _ => $"{Year:D4}",
    };

    public string ChineseLabel => Kind switch
    {
        PeriodKind.Month => First.ChineseLabel,
        PeriodKind.Quarter => $"{Year}年{QuarterNames[Quarter - 1]}",
        _ => $"{Year}年度",
    };

    public override string ToString() => FileTag;

    /// <summary>Earlier start first; at the same start the shorter period first (2026-01 &lt; 2026Q1 &lt; 2026).</summary>
    public int CompareTo(Period other) =>
        First != other.First ? First.CompareTo(other.First) : MonthCount.CompareTo(other.MonthCount);

    private static readonly Regex QuarterForm =
        new(@"^(\d{4})\s*(?:-?\s*Q|年\s*第?)\s*([1-4])\s*(?:季度?)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex YearForm = new(@"^(\d{4})\s*(?:年度?)?$", RegexOptions.CultureInvariant);

    public static Period Parse(string? text) =>
        TryParse(text, out var period) ? period : throw new PeriodFormatException(Messages.BadPeriod(text));

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (Month.TryParse(text, out var month))
        {
            period = Of(month);
            return true;
        }
        var normal = ChineseNumerals.Normalize(text.Trim());
        if (QuarterForm.Match(normal) is { Success: true } q)
        {
            period = OfQuarter(Int(q.Groups[1].Value), Int(q.Groups[2].Value));
            return true;
        }
        if (YearForm.Match(normal) is { Success: true } y && Int(y.Groups[1].Value) >= Month.MinYear)
        {
            period = OfYear(Int(y.Groups[1].Value));
            return true;
        }
        return false;
    }

    /// <summary>Parses a quarter only (2026Q3, 2026年第三季度); anything else gets the quarter message.</summary>
    public static Period ParseQuarter(string? text) =>
        TryParse(text, out var p) && p.Kind == PeriodKind.Quarter ? p : throw new PeriodFormatException(Messages.BadQuarter(text));

    private static int Int(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);
}

/// <summary>The one parser for a day a user types (2026-11-05, also 2026年11月5日).</summary>
public static class Days
{
    private static readonly Regex Form = new(@"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$", RegexOptions.CultureInvariant);

    public static DateOnly Parse(string? text) =>
        TryParse(text, out var day) ? day : throw new PeriodFormatException(Messages.BadDay(text));

    public static DateOnly? ParseOptional(string? text) => string.IsNullOrWhiteSpace(text) ? null : Parse(text);

    public static bool TryParse(string? text, out DateOnly day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Form.Match(ChineseNumerals.Normalize(text.Trim()));
        if (!m.Success || !Month.TryParse($"{m.Groups[1].Value}-{m.Groups[2].Value}", out var month)) return false;
        var d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (d < 1 || d > month.Days) return false;
        day = month.FirstDay.AddDays(d - 1);
        return true;
    }
}
