namespace Oversight.Calendar;

/// <summary>
/// Working-day arithmetic over the official calendar: weekends off, statutory holidays (休) off,
/// adjusted working days (班) on. Time limits count working days after the accepting day
/// (行政许可法 art. 82; the first day is not counted).
/// </summary>
public sealed class WorkCalendar
{
    private readonly Dictionary<DateOnly, DayType> _overrides;
    private readonly HashSet<int> _coveredYears;

    public WorkCalendar(IEnumerable<CalendarDay> days)
    {
        _overrides = new Dictionary<DateOnly, DayType>();
        foreach (var day in days) _overrides[day.Date] = day.Type; // later entries (feeds) override earlier ones (built-in)
        _coveredYears = _overrides.Keys.Select(d => d.Year).ToHashSet();
    }

    /// <summary>The official calendar 2019–2026 shipped in sql/seeds, plus optional overrides.</summary>
    public static WorkCalendar Official(IEnumerable<CalendarDay>? overrides = null) =>
        new(OfficialCalendar.Days.Concat(overrides ?? []));

    /// <summary>Whether some calendar (official or fed) covers the year; uncovered years count weekdays only.</summary>
    public bool Covers(int year) => _coveredYears.Contains(year);

    public bool IsWorkingDay(DateOnly date) =>
        _overrides.TryGetValue(date, out var type)
            ? type == DayType.Working
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The day that lies <paramref name="workingDays"/> working days after <paramref name="start"/>
    /// (start itself not counted); 0 returns start.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        for (var left = workingDays; left > 0;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) left--;
        }
        return date;
    }

    /// <summary>Working days in (from, to]: days after <paramref name="from"/> up to and including
    /// <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }

    /// <summary>End of the working day that lies promised + paused working days after the accepting day.</summary>
    public DateTime DueAt(DateTime acceptedAt, int promisedDays, int pausedDays = 0) =>
        AddWorkingDays(DateOnly.FromDateTime(acceptedAt), promisedDays + pausedDays)
            .ToDateTime(new TimeOnly(23, 59, 59));
}

public enum DayType { Holiday, Working }

public readonly record struct CalendarDay(DateOnly Date, DayType Type, string? Name = null)
{
    /// <summary>Parses the contract's day types: 休 (off) and 班 (adjusted working day).</summary>
    public static DayType ParseType(string text) => text.Trim() switch
    {
        "休" => DayType.Holiday,
        "班" => DayType.Working,
        _ => throw new FormatException($"日历类型只能是“休”或“班”：{text}"),
    };
}
