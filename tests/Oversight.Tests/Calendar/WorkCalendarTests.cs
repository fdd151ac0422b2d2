using Oversight.Calendar;

namespace Oversight.Tests.Calendar;

public class WorkCalendarTests
{
    private static readonly WorkCalendar Official = WorkCalendar.Official();

    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void A_five_day_promise_accepted_before_spring_festival_2026_is_due_at_the_end_of_26_february()
    {
        // 15–23 Feb off; Saturday 14 Feb is an adjusted working day.
        Assert.Equal(new DateTime(2026, 2, 26, 23, 59, 59), Official.DueAt(new DateTime(2026, 2, 12, 9, 30, 0), 5));
    }

    [Fact]
    public void Three_days_from_30_september_2026_end_on_the_adjusted_working_saturday_10_october()
    {
        Assert.Equal(D("2026-10-10"), Official.AddWorkingDays(D("2026-09-30"), 3));
        Assert.Equal(DayOfWeek.Saturday, D("2026-10-10").DayOfWeek);
    }

    [Fact]
    public void One_day_from_new_years_eve_2025_ends_on_sunday_4_january_2026()
    {
        Assert.Equal(D("2026-01-04"), Official.AddWorkingDays(D("2025-12-31"), 1));
    }

    [Fact]
    public void Zero_days_is_due_at_the_end_of_the_accepting_day_even_on_a_holiday()
    {
        Assert.Equal(new DateTime(2026, 10, 1, 23, 59, 59), Official.DueAt(new DateTime(2026, 10, 1, 10, 0, 0), 0));
    }

    [Fact]
    public void Paused_days_extend_the_due_date_by_working_days()
    {
        // Friday 2026-03-06 + 2 promised + 3 paused = 5 working days → Friday 13 March.
        Assert.Equal(new DateTime(2026, 3, 13, 23, 59, 59), Official.DueAt(new DateTime(2026, 3, 6, 15, 0, 0), 2, 3));
    }

    [Theory]
    [InlineData("2026-02-14", true)]  // 班: Saturday worked before Spring Festival
    [InlineData("2026-02-16", false)] // 休: Spring Festival Monday
    [InlineData("2026-02-21", false)] // Saturday inside the holiday
    [InlineData("2026-03-02", true)]  // plain Monday
    [InlineData("2026-03-07", false)] // plain Saturday
    [InlineData("2019-10-01", false)]
    [InlineData("2019-09-29", true)]
    public void Is_working_day_follows_the_official_arrangement(string date, bool working)
    {
        Assert.Equal(working, Official.IsWorkingDay(D(date)));
    }

    [Fact]
    public void Every_official_holiday_is_off_and_every_adjusted_day_is_worked_2019_to_2026()
    {
        foreach (var day in OfficialCalendar.Days)
            Assert.Equal(day.Type == DayType.Working, Official.IsWorkingDay(day.Date));
        Assert.Contains(OfficialCalendar.Days, d => d.Type == DayType.Working && d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void Adding_working_days_then_counting_them_round_trips_for_every_day_2019_to_2026()
    {
        for (var d = D("2019-01-01"); d <= D("2026-12-31"); d = d.AddDays(1))
        {
            foreach (var n in new[] { 0, 1, 3, 5, 20 })
            {
                var due = Official.AddWorkingDays(d, n);
                Assert.Equal(n, Official.WorkingDaysBetween(d, due));
                Assert.True(n == 0 || Official.IsWorkingDay(due), $"{d}+{n} landed on a day off {due}");
            }
        }
    }

    [Fact]
    public void Working_days_between_is_antisymmetric_and_zero_for_the_same_day()
    {
        Assert.Equal(0, Official.WorkingDaysBetween(D("2026-05-01"), D("2026-05-01")));
        Assert.Equal(-Official.WorkingDaysBetween(D("2026-04-01"), D("2026-05-20")),
            Official.WorkingDaysBetween(D("2026-05-20"), D("2026-04-01")));
        // 2026-05-01..05 is the Labour Day holiday; 9 May (Saturday) is worked.
        Assert.Equal(2, Official.WorkingDaysBetween(D("2026-04-30"), D("2026-05-07"))); // only 6 and 7 May
        Assert.Equal(3, Official.WorkingDaysBetween(D("2026-05-07"), D("2026-05-11"))); // 8, 9 (Saturday, worked), 11
    }

    [Fact]
    public void A_year_no_calendar_covers_counts_weekdays_only_and_is_reported_as_uncovered()
    {
        Assert.True(Official.Covers(2026));
        Assert.False(Official.Covers(2027));
        // 2027-01-01 is a Friday; without a calendar it is a working day.
        Assert.True(Official.IsWorkingDay(D("2027-01-01")));
        Assert.Equal(D("2027-01-04"), Official.AddWorkingDays(D("2027-01-01"), 1));
    }

    [Fact]
    public void A_fed_calendar_extends_a_new_year_and_overrides_the_built_in_one()
    {
        var calendar = WorkCalendar.Official([
            new CalendarDay(D("2027-01-01"), DayType.Holiday, "元旦"),
            new CalendarDay(D("2026-03-02"), DayType.Holiday, "测试覆盖"),
        ]);
        Assert.True(calendar.Covers(2027));
        Assert.False(calendar.IsWorkingDay(D("2027-01-01")));
        Assert.False(calendar.IsWorkingDay(D("2026-03-02")));
    }

    [Fact]
    public void Only_xiu_and_ban_are_valid_day_types()
    {
        Assert.Equal(DayType.Holiday, CalendarDay.ParseType(" 休 "));
        Assert.Equal(DayType.Working, CalendarDay.ParseType("班"));
        Assert.Throws<FormatException>(() => CalendarDay.ParseType("假"));
    }
}
