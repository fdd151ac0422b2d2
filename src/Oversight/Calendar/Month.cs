using System.Text;
using System.Text.RegularExpressions;

namespace Oversight.Calendar;

/// <summary>
/// A calendar month such as 2026-10: immutable, ordered, with one parser for what a county types
/// ("2026-10", "2026年10月", "２０２６年１０月", "二〇二六年十月") and two formatters — <see cref="FileTag"/> for
/// file names and keys, <see cref="ChineseLabel"/> for text a reader sees. Stored as a month count, so
/// <c>default</c> is a valid month and arithmetic across year ends is plain addition.
/// </summary>
public readonly record struct Month : IComparable<Month>
{
    public const int MinYear = 1;
    public const int MaxYear = 9999;

    private readonly int _index; // months since January of year 0

    private Month(int index) => _index = index;

    public int Year => _index / 12;

    /// <summary>1–12.</summary>
    public int Number => _index % 12 + 1;

    /// <summary>1–4.</summary>
    public int Quarter => (Number + 2) / 3;

    public static Month Of(int year, int month) =>
        year is >= MinYear and <= MaxYear && month is >= 1 and <= 12
            ? new Month(year * 12 + month - 1)
            : throw new PeriodFormatException(Messages.MonthOutOfRange(year, month));

    /// <summary>The month a day falls in.</summary>
    public static Month Of(DateOnly day) => new(day.Year * 12 + day.Month - 1);

    public static Month Of(DateTime time) => new(time.Year * 12 + time.Month - 1);

    public DateOnly FirstDay => new(Year, Number, 1);

    public DateOnly LastDay => new(Year, Number, DateTime.DaysInMonth(Year, Number));

    public int Days => DateTime.DaysInMonth(Year, Number);

    public Month Next => Plus(1);

    public Month Previous => Plus(-1);

    public Month Plus(int months)
    {
        var index = _index + months;
        return index / 12 is >= MinYear and <= MaxYear
            ? new Month(index)
            : throw new ArgumentOutOfRangeException(nameof(months), "the month would leave the years 1–9999");
    }

    /// <summary>How many months from this one to <paramref name="later"/> (negative if it is earlier).</summary>
    public int MonthsUntil(Month later) => later._index - _index;

    public bool Contains(DateOnly day) => Of(day) == this;

    /// <summary>"2026-10": file names, keys, logs.</summary>
    public string FileTag => $"{Year:D4}-{Number:D2}";

    /// <summary>"2026年10月": what a reader sees.</summary>
    public string ChineseLabel => $"{Year}年{Number}月";

    public override string ToString() => FileTag;

    public int CompareTo(Month other) => _index.CompareTo(other._index);

    public static bool operator <(Month a, Month b) => a._index < b._index;
    public static bool operator >(Month a, Month b) => a._index > b._index;
    public static bool operator <=(Month a, Month b) => a._index <= b._index;
    public static bool operator >=(Month a, Month b) => a._index >= b._index;

    private static readonly Regex Form = new(@"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:月(?:份)?)?$", RegexOptions.CultureInvariant);

    /// <summary>Parses 2026-10, 2026/10, 2026.10, 2026年10月 (full-width and Chinese numerals too).</summary>
    public static Month Parse(string? text) =>
        TryParse(text, out var month) ? month : throw new PeriodFormatException(Messages.BadMonth(text));

    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Form.Match(ChineseNumerals.Normalize(text.Trim()));
        if (!m.Success) return false;
        var year = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var number = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        // "2026-10月" and "2026年10" are typed too; "2026-10-05" is a day, not a month, and fails above.
        if (year < MinYear || number is < 1 or > 12) return false;
        month = new Month(year * 12 + number - 1);
        return true;
    }

    /// <summary>Months from <paramref name="first"/> through <paramref name="last"/>, both included.</summary>
    public static IEnumerable<Month> Range(Month first, Month last)
    {
        for (var m = first; m <= last; m = m.Next) yield return m;
    }
}

/// <summary>A month, quarter or year a user typed could not be read; the message is for the user.</summary>
public sealed class PeriodFormatException(string message) : Exception(message);

/// <summary>Full-width digits and Chinese numerals (二〇二六, 十月, 第三季度) as ASCII digits, so one pattern reads all.</summary>
internal static class ChineseNumerals
{
    private const string Digits = "〇一二三四五六七八九";

    public static string Normalize(string text)
    {
        var s = new StringBuilder(text.Length);
        foreach (var c in text)
            s.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '－' or '—' or '–' => '-',
                '／' => '/',
                '．' => '.',
                'Ｑ' or 'ｑ' => 'Q',
                '零' => '0',
                _ when Digits.IndexOf(c) is var d and >= 0 => (char)('0' + d),
                _ => c,
            });
        // 十 only appears in months and as 十, 十一, 十二 (after the digit pass: 十, 十1, 十2).
        return Regex.Replace(s.ToString(), "十([0-9]?)", m => "1" + (m.Groups[1].Value is { Length: 1 } d ? d : "0"));
    }
}
