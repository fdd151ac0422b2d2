using Dapper;

namespace Oversight.Tests.Marts;

public class CaseMartTests
{
    private sealed record Row(long cases_accepted, long cases_completed, long completed_on_time, long completed_overdue,
        long overdue_working_days, long backlog_overdue, double? on_time_rate, double? immediate_share, double? proxy_share, long returned_cases);

    private const string Columns = "cases_accepted, cases_completed, completed_on_time, completed_overdue, overdue_working_days, " +
                                   "backlog_overdue, on_time_rate, immediate_share, proxy_share, returned_cases";

    [Fact]
    public void Center_month_case_metrics_count_completions_in_their_month_and_backlog_at_month_end()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds(); // I05: 5 working days, I00: 即办, I03: 3 working days
        w.WriteCsv("cases.csv", """
            case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status
            A,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,2026-03-05 10:00,已办结
            B,511922001,W001,I05,承诺件,代办,2026-03-02 09:00,2026-03-12 10:00,已办结
            C,511922001,W002,I00,即办件,窗口,2026-03-03 09:00,2026-03-03 09:30,已办结
            D,511922001,W002,I03,承诺件,窗口,2026-03-26 09:00,2026-04-02 10:00,已办结
            E,511922001,W001,I05,退回件,窗口,2026-03-10 09:00,,已退回
            F,511922001,W001,I03,承诺件,窗口,2026-03-27 09:00,,办理中
            """);
        w.Ingest();
        // A: due 9 Mar, on time. B: due 9 Mar, done 12 Mar = 3 working days late. C: 即办, on time.
        // D: due 31 Mar, done 2 Apr: open and overdue at the end of March (backlog), completed late in April (2 days).
        // E: returned, never due. F: due 1 Apr, still open: not yet overdue at the end of March.
        var march = w.Connection.QuerySingle<Row>($"SELECT {Columns} FROM mart_period_cases WHERE scope = 'center' AND period_kind = 'month' AND period = DATE '2026-03-01'");
        Assert.Equal(new Row(6, 3, 2, 1, 3, 1, 2 / 3.0, 1 / 6.0, 1 / 6.0, 1), march);
        var april = w.Connection.QuerySingle<Row>($"SELECT {Columns} FROM mart_period_cases WHERE scope = 'center' AND period_kind = 'month' AND period = DATE '2026-04-01'");
        Assert.Equal((0L, 1L, 0L, 1L, 2L), (april.cases_accepted, april.cases_completed, april.completed_on_time, april.completed_overdue, april.overdue_working_days));
    }

    [Fact]
    public void A_quarter_adds_up_its_months_flows_but_takes_the_backlog_at_its_end()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases.csv", """
            case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status
            A,511922001,W001,I05,承诺件,窗口,2026-01-05 09:00,2026-01-20 10:00,已办结
            B,511922001,W001,I05,承诺件,窗口,2026-02-02 09:00,2026-02-05 10:00,已办结
            C,511922001,W001,I03,承诺件,窗口,2026-02-24 09:00,2026-04-10 10:00,已办结
            D,511922101,W101,I03,承诺件,窗口,2026-03-02 09:00,2026-03-03 10:00,已办结
            """);
        w.Ingest();
        // A: due 12 Jan, done late in January. C: due 27 Feb, overdue and still open at the end of February and of March.
        var q1 = w.Connection.QuerySingle<(long Accepted, long Completed, long Overdue, long Backlog)>(
            "SELECT cases_accepted, cases_completed, completed_overdue, backlog_overdue FROM mart_period_cases " +
            "WHERE scope = 'center' AND center_code = '511922001' AND period_kind = 'quarter' AND period = DATE '2026-01-01'");
        Assert.Equal((3L, 2L, 1L, 1L), q1);
        var county = w.Connection.QuerySingle<(long Accepted, long Backlog, double OnTime)>(
            "SELECT cases_accepted, backlog_overdue, on_time_rate FROM mart_period_cases " +
            "WHERE scope = 'county' AND period_kind = 'quarter' AND period = DATE '2026-01-01'");
        Assert.Equal((4L, 1L, 2 / 3.0), county);
    }
}
