using Dapper;
using Oversight.Calendar;

namespace Oversight.Tests.Calendar;

/// <summary>The set-based due dates in SQL (dim_calendar + core_case) and WorkCalendar must never disagree.</summary>
public class SqlCalendarAgreementTests
{
    [Fact]
    public void Sql_due_dates_equal_work_calendar_due_dates_for_0_to_30_days_across_2019_to_2026_and_every_holiday_edge()
    {
        using var w = new TestWarehouse();
        var calendar = WorkCalendar.Official();
        var days = new SortedSet<DateOnly>();
        for (var d = new DateOnly(2019, 1, 3); d < new DateOnly(2026, 10, 1); d = d.AddDays(11)) days.Add(d);
        foreach (var h in OfficialCalendar.Days)
            foreach (var offset in new[] { -1, 0, 1 }) days.Add(h.Date.AddDays(offset));
        days.RemoveWhere(d => d.Year > 2026 || d > new DateOnly(2026, 11, 30));

        w.Connection.Execute("""
            INSERT INTO dim_center VALUES ('511922001', '集州街道', '511922', '街道', NULL, NULL, NULL, 0);
            INSERT INTO dim_window VALUES ('W1', '511922001', '综合窗口', NULL, NULL, NULL, 0);
            INSERT INTO dim_item SELECT 'I' || n, '事项' || n, NULL, NULL, n, 0 FROM range(0, 31) t(n);
            CREATE TEMP TABLE accept_days (d DATE);
            """);
        using (var appender = w.Connection.CreateAppender("accept_days"))
            foreach (var d in days) appender.CreateRow().AppendValue(d.ToDateTime(TimeOnly.MinValue)).EndRow();
        w.Connection.Execute("""
            INSERT INTO fct_case (case_id, center_code, window_code, item_code, case_type, accepted_at, status, recorded_at, file_id)
            SELECT strftime(a.d, '%Y%m%d') || '-' || n, '511922001', 'W1', 'I' || n, '承诺件',
                   CAST(a.d AS TIMESTAMP) + INTERVAL 10 HOUR, '办理中', CAST(a.d AS TIMESTAMP) + INTERVAL 10 HOUR, 0
            FROM accept_days a, range(0, 31) t(n)
            """);

        var rows = w.Connection.Query<(DateTime Accepted, int Days, DateTime Due)>(
            "SELECT accepted_at, CAST(split_part(case_id, '-', 2) AS INTEGER), due_at FROM core_case").ToList();
        Assert.Equal(days.Count * 31, rows.Count);
        var wrong = rows.Where(r => r.Due != calendar.DueAt(r.Accepted, r.Days)).Take(5).ToList();
        Assert.Empty(wrong);
    }
}
