using Dapper;
using Oversight.Ingest;

namespace Oversight.Tests.Ingest;

/// <summary>Values as counties type them (full-width digits, Chinese dates) and values outside sense.</summary>
public class ValueShapeTests
{
    private const string Header = "case_id,center_code,window_code,item_code,case_type,accepted_at,due_at,paused_days,completed_at,status,applicant_id,applicant_phone\n";

    private sealed record Reject(long row_number, string column_name, string reason);

    [Theory]
    [InlineData("2026年10月5日", "2026-10-05 00:00:00")]
    [InlineData("2026年10月5日 9:30", "2026-10-05 09:30:00")]
    [InlineData("2026年10月5日9:30:15", "2026-10-05 09:30:15")]
    [InlineData("2026.10.05", "2026-10-05 00:00:00")]
    [InlineData("2026.10.05 09:30", "2026-10-05 09:30:00")]
    [InlineData("２０２６－１０－０５　０９：３０", "2026-10-05 09:30:00")]
    [InlineData("２０２６年１０月５日", "2026-10-05 00:00:00")]
    [InlineData("2026/10/5 9:30", "2026-10-05 09:30:00")]
    [InlineData("2026-10-05T09:30:00", "2026-10-05 09:30:00")]
    [InlineData("2026.10-05", null)]
    [InlineData("2026年10月32日", null)]
    [InlineData("2026年10月", null)]
    [InlineData("10/05/2026", null)]
    public void Date_times_may_be_written_with_chinese_or_dotted_dates_and_full_width_digits(string text, string? expected)
    {
        using var w = new TestWarehouse();
        var parsed = w.Connection.ExecuteScalar<DateTime?>("SELECT parse_ts($t)", new { t = text });
        Assert.Equal(expected, parsed?.ToString("yyyy-MM-dd HH:mm:ss"));
    }

    [Theory]
    [InlineData("2026年10月5日", "2026-10-05")]
    [InlineData("2026.10.05", "2026-10-05")]
    [InlineData("２０２６/１/５", "2026-01-05")]
    [InlineData("2026.10.05 09:30", null)]
    public void Dates_accept_the_same_forms(string text, string? expected)
    {
        using var w = new TestWarehouse();
        Assert.Equal(expected, w.Connection.ExecuteScalar<string?>("SELECT CAST(parse_date($t) AS VARCHAR)", new { t = text }));
    }

    [Fact]
    public void Full_width_digits_and_letters_in_ids_codes_numbers_phones_and_id_numbers_are_read_as_ascii_through_the_cli()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_fw.csv", Header +
            "ＣＡＳＥ－００１,５１１９２２００１,Ｗ００１,Ｉ０５,承诺件,２０２６－１０－０８　０９：００,,２,,办理中,５１１９２２１９９００１０１１２３ｘ,１３８００００５６７８\n" +
            "C002,511922001,W001,I05,承诺件,2026年10月8日 10:00,,,2026.10.09 16:00,已办结,,\n");
        w.Close();
        var result = CliProcess.Run(["ingest", "--settle-seconds", "0", "--db", w.DbPath, "--inbox", w.Inbox]);
        w.Reopen();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM load_reject"));
        var row = w.Query<(string, string, string, string, int, DateTime, string, string)>(
            "SELECT case_id, center_code, window_code, item_code, paused_days, accepted_at, applicant_id_masked, applicant_phone_masked FROM fct_case WHERE case_id = 'CASE-001'").Single();
        Assert.Equal(("CASE-001", "511922001", "W001", "I05", 2, new DateTime(2026, 10, 8, 9, 0, 0), "511922********123X", "138****5678"), row);
        Assert.Equal(new DateTime(2026, 10, 9, 16, 0, 0), w.Scalar<DateTime>("SELECT completed_at FROM fct_case WHERE case_id = 'C002'"));
    }

    [Fact]
    public void Dates_outside_sense_and_paused_days_over_a_year_are_rejected_with_the_reason()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var latest = DateTime.Today.AddYears(1).ToString("yyyy-MM-dd");
        var beyond = DateTime.Today.AddYears(1).AddDays(2).ToString("yyyy-MM-dd 09:00");
        w.WriteCsv("cases_bounds.csv", Header +
            "B1,511922001,W001,I05,承诺件,2026-10-08 09:00,,365,,办理中,,\n" +      // row 2: good, at the limit
            "B2,511922001,W001,I05,承诺件,2026-10-08 09:00,,2000000,,办理中,,\n" +  // row 3
            "B3,511922001,W001,I05,承诺件,2099-01-05 09:00,,,,办理中,,\n" +         // row 4
            "B4,511922001,W001,I05,承诺件,2008-12-31 09:00,,,,办理中,,\n" +         // row 5: earliest calendar year 2019 − 10
            "B5,511922001,W001,I05,承诺件,2009-01-01 09:00,,,,办理中,,\n" +         // row 6: good, the first day allowed
            $"B6,511922001,W001,I05,承诺件,2026-10-08 09:00,{beyond},,,办理中,,\n" + // row 7
            $"B7,511922001,W001,I05,承诺件,2026-10-08 09:00,,,{beyond},已办结,,\n"); // row 8
        var report = w.Ingest(threshold: 1.0);
        var file = Assert.Single(report.Files, f => f.FileName == "cases_bounds.csv");
        Assert.Equal((2L, 5L), (file.RowsLoaded, file.RowsRejected));
        var range = $"（应在 2009-01-01 至 {latest} 之间）";
        Assert.Equal(
        [
            new Reject(3, "paused_days", "暂停计时天数“2000000”超过 365 个工作日，不合常理"),
            new Reject(4, "accepted_at", $"受理时间“2099-01-05 09:00”超出合理范围{range}"),
            new Reject(5, "accepted_at", $"受理时间“2008-12-31 09:00”超出合理范围{range}"),
            new Reject(7, "due_at", $"承诺办结时间“{beyond}”超出合理范围{range}"),
            new Reject(8, "completed_at", $"办结时间“{beyond}”超出合理范围{range}"),
        ], w.Query<Reject>("SELECT row_number, column_name, reason FROM load_reject ORDER BY row_number"));
    }

    [Fact]
    public void Complaints_outside_the_date_bounds_are_rejected_too()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("complaints.csv", """
            complaint_id,received_at,source,center_code,category,closed_at
            T1,2026-10-08 09:00,12345热线,511922001,服务态度,2099-10-09 09:00
            T2,2026-10-08 09:00,12345热线,511922001,服务态度,2026-10-09 09:00
            """);
        w.Ingest(threshold: 1.0);
        var reject = w.Query<Reject>("SELECT row_number, column_name, reason FROM load_reject").Single();
        Assert.Equal((2L, "closed_at"), (reject.row_number, reject.column_name));
        Assert.StartsWith("办结时间“2099-10-09 09:00”超出合理范围（应在 2009-01-01 至 ", reject.reason);
    }

    [Fact]
    public void No_case_is_ever_without_a_due_date_even_past_the_calendars_end_or_in_a_year_no_calendar_covers()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.Ingest();
        // Written past the loader, as a warehouse from before the bounds may hold: a year no calendar covers, a
        // pause running far past the calendar's end, and an item promising ten thousand working days.
        w.Connection.Execute("""
            INSERT INTO dim_item VALUES ('I9999', '超长事项', NULL, NULL, 10000, 0);
            INSERT INTO fct_case (case_id, center_code, window_code, item_code, case_type, accepted_at, paused_days, status, recorded_at, file_id) VALUES
              ('Y2099', '511922001', 'W001', 'I05', '承诺件', TIMESTAMP '2099-03-06 10:00', NULL, '办理中', TIMESTAMP '2099-03-06 10:00', 0),
              ('P2M', '511922001', 'W001', 'I05', '承诺件', TIMESTAMP '2026-10-08 10:00', 2000000, '办理中', TIMESTAMP '2026-10-08 10:00', 0),
              ('LONG', '511922001', 'W001', 'I9999', '承诺件', TIMESTAMP '2026-10-08 10:00', NULL, '办理中', TIMESTAMP '2026-10-08 10:00', 0),
              ('OLD', '511922001', 'W001', 'I05', '承诺件', TIMESTAMP '1990-01-05 10:00', NULL, '办理中', TIMESTAMP '1990-01-05 10:00', 0);
            """);
        var due = w.Query<(string Id, DateTime? Due, bool Overdue)>("SELECT case_id, due_at, is_overdue FROM core_case ORDER BY case_id")
            .ToDictionary(r => r.Id);
        Assert.All(due.Values, r => Assert.NotNull(r.Due));
        // 2099-03-06 is a Friday: five weekdays later is Friday 2099-03-13.
        Assert.Equal(new DateTime(2099, 3, 13, 23, 59, 59), due["Y2099"].Due);
        // 1990-01-05 is a Friday too; long past, and open, so overdue.
        Assert.Equal(new DateTime(1990, 1, 12, 23, 59, 59), due["OLD"].Due);
        Assert.True(due["OLD"].Overdue);
        // 2,000,005 working days: about 7,700 years on, counted Monday–Friday past the calendar's end.
        Assert.InRange(due["P2M"].Due!.Value.Year, 9600, 9800);
        Assert.InRange(due["LONG"].Due!.Value.Year, 2064, 2066);
        Assert.Contains(2099, w.Query<int>("SELECT year FROM core_calendar_gaps"));
    }

    [Fact]
    public void Weekday_arithmetic_agrees_with_the_calendar_on_days_no_calendar_covers()
    {
        using var w = new TestWarehouse();
        // dim_calendar counts uncovered years by the same rule: add_weekdays must agree with it day for day.
        var wrong = w.Scalar<long>("""
            WITH days AS (SELECT date, working_day_seq FROM dim_calendar WHERE year(date) = year(current_date) + 2),
                 work AS (SELECT date, working_day_seq FROM dim_calendar WHERE is_working_day)
            SELECT count(*)
            FROM days AS d, range(0, 12) AS t(n), work AS target
            WHERE target.working_day_seq = d.working_day_seq + t.n AND t.n > 0
              AND target.date <> add_weekdays(d.date, t.n)
            """);
        Assert.Equal(0L, wrong);
    }
}
