using System.Globalization;
using Oversight.Warehouse;

namespace Oversight.Calendar;

/// <summary>The State Council holiday arrangements shipped as sql/seeds/official_calendar.csv.</summary>
public static class OfficialCalendar
{
    public const string SeedFile = "seeds/official_calendar.csv";

    private static readonly Lazy<IReadOnlyList<CalendarDay>> DaysLazy = new(Load);

    public static IReadOnlyList<CalendarDay> Days => DaysLazy.Value;

    private static IReadOnlyList<CalendarDay> Load() =>
        File.ReadLines(Path.Combine(SqlFiles.Root, SeedFile))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new CalendarDay(
                DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                CalendarDay.ParseType(f[1]),
                f.Length > 2 ? f[2] : null))
            .ToList();
}
