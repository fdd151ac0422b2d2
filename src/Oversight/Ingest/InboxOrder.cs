using System.Globalization;
using System.Text.RegularExpressions;

namespace Oversight.Ingest;

/// <summary>
/// The date of an export as its file name gives it: <c>yyyymmdd</c>, <c>yyyy-mm-dd</c> (also with <c>_</c> or <c>.</c>,
/// and one-digit months and days: <c>cases_2026-11-2</c>), <c>yyyy年m月d日</c>, or a month: <c>yyyymm</c>, <c>yyyy-mm</c>,
/// <c>yyyy年m月</c>. A month's export counts as of the month's last day, as it is made when the month is over.
/// </summary>
public readonly record struct ExportDate(DateOnly Date, bool WholeMonth) : IComparable<ExportDate>
{
    /// <summary>The last day the export covers.</summary>
    public DateOnly Through => WholeMonth ? new DateOnly(Date.Year, Date.Month, 1).AddMonths(1).AddDays(-1) : Date;

    public int CompareTo(ExportDate other) => Through.CompareTo(other.Through);

    public override string ToString() =>
        Date.ToString(WholeMonth ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Tried in this order; the text a pattern matched is blanked before the next one looks, so the month pattern does
    // not also read 2026-11 out of 2026-11-10. Digits next to a match make it no match (a 12-digit number is no date).
    private static readonly (Regex Pattern, bool WholeMonth)[] Patterns =
    [
        (new(@"(?<!\d)(?<y>\d{4})(?<sep>[-_.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?!\d)"), false),
        (new(@"(?<!\d)(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日"), false),
        // yyyymmdd, also when a time follows (yyyymmddHHmm, yyyymmddHHmmss, as platforms stamp exports).
        (new(@"(?<!\d)(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})(?:\d{4}|\d{6})?(?!\d)"), false),
        (new(@"(?<!\d)(?<y>\d{4})年(?<m>\d{1,2})月"), true),
        (new(@"(?<!\d)(?<y>\d{4})[-_.](?<m>\d{1,2})(?!\d)"), true),
        (new(@"(?<!\d)(?<y>\d{4})(?<m>\d{2})(?!\d)"), true),
    ];

    /// <summary>The latest date in the name (a range <c>20261101-20261130</c> is as of its end), or null.</summary>
    public static ExportDate? FromFileName(string fileName)
    {
        var text = Path.GetFileNameWithoutExtension(fileName);
        ExportDate? latest = null;
        foreach (var (pattern, wholeMonth) in Patterns)
        {
            text = pattern.Replace(text, m =>
            {
                // Blanked even when not a real date: 2026-02-30 is no date, and not the month 2026-02 either.
                var date = Valid(m, wholeMonth);
                if (date is not null && (latest is null || date.Value.CompareTo(latest.Value) > 0)) latest = date;
                return new string(' ', m.Length);
            });
        }
        return latest;
    }

    private static ExportDate? Valid(Match m, bool wholeMonth)
    {
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = wholeMonth ? 1 : int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        // Codes in names (a center 511922, a sequence 0001) are not dates.
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new ExportDate(new DateOnly(year, month, day), wholeMonth);
    }
}

/// <summary>
/// The order an inbox loads in, which is what "the later export wins" means for records without <c>updated_at</c>:
/// reference feeds first (a fact refers to them), then within each feed by export date: the date in the file name
/// when there is one, else the file's modification time; files of the same date by modification time.
/// Sorting by name would load <c>cases_2026-11-10</c> before <c>cases_2026-11-2</c>.
/// </summary>
public static class InboxOrder
{
    public sealed record Entry(string Path, int FeedOrder, ExportDate? NameDate, DateTime Modified)
    {
        /// <summary>When the export was made, as far as the file tells: compared across runs as well.</summary>
        public DateTime ExportedAt => NameDate?.Through.ToDateTime(TimeOnly.MinValue) ?? Modified;

        public string Basis => NameDate is { } d
            ? Messages.OrderByNameDate(d.ToString())
            : Messages.OrderByModified(Modified);
    }

    public static Entry Of(string path) =>
        new(path, Feed.ForFileName(path)?.Order ?? -1, ExportDate.FromFileName(System.IO.Path.GetFileName(path)),
            File.GetLastWriteTime(path));

    public static IReadOnlyList<Entry> Sort(IEnumerable<string> files) =>
        files.Select(Of)
            .OrderBy(e => e.FeedOrder)
            .ThenBy(e => e.ExportedAt)
            .ThenBy(e => e.Modified)
            .ThenBy(e => System.IO.Path.GetFileName(e.Path), StringComparer.Ordinal)
            .ToList();

    /// <summary>One line per file, in load order, for the ingest report.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<string> orderedFiles) =>
        orderedFiles.Select((f, i) => $"{i + 1}. {Privacy.FreeTextMask.FileName(f)}（{Of(f).Basis}）").ToList();
}
