using Oversight.Ingest;

namespace Oversight.Tests.Ingest;

/// <summary>Without updated_at the later export wins, by the date in the file name, else its modification time;
/// a record never moves backwards; equal updated_at with other content is a conflict. Through the real program.</summary>
public class ExportOrderTests
{
    private const string CaseHeader = "case_id,center_code,window_code,item_code,case_type,accepted_at,paused_days,completed_at,status\n";
    private const string CaseHeaderUpdated = "case_id,center_code,window_code,item_code,case_type,accepted_at,completed_at,status,updated_at,paused_days\n";
    private const string ComplaintHeader = "complaint_id,received_at,source,center_code,category,verdict,responded_at,closed_at\n";

    private static CliProcess.Result Ingest(TestWarehouse w)
    {
        w.Close();
        var result = CliProcess.Run(["ingest", "--settle-seconds", "0", "--db", w.DbPath, "--inbox", w.Inbox]);
        w.Reopen();
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        return result;
    }

    [Theory]
    [InlineData("cases_2026-11-10.csv", "2026-11-10", false)]
    [InlineData("cases_2026-11-2.csv", "2026-11-02", false)]
    [InlineData("办件_20261102.xlsx", "2026-11-02", false)]
    [InlineData("cases_2026_11_05.csv", "2026-11-05", false)]
    [InlineData("cases_2026年11月5日.csv", "2026-11-05", false)]
    [InlineData("cases_20261110083000.csv", "2026-11-10", false)]
    [InlineData("cases_511922_20261101-20261130.csv", "2026-11-30", false)]
    [InlineData("cases_202611.csv", "2026-11", true)]
    [InlineData("complaints-2026-11.xlsx", "2026-11", true)]
    [InlineData("投诉_2026年10月.csv", "2026-10", true)]
    public void The_export_date_is_read_from_the_forms_a_file_name_takes(string name, string expected, bool wholeMonth)
    {
        var date = ExportDate.FromFileName(name);
        Assert.NotNull(date);
        Assert.Equal(expected, date.Value.ToString());
        Assert.Equal(wholeMonth, date.Value.WholeMonth);
    }

    [Theory]
    [InlineData("cases.csv")]
    [InlineData("cases_0001.csv")]
    [InlineData("cases_20261332.csv")]
    [InlineData("cases_511922.csv")]
    [InlineData("cases_2026-02-30.csv")]
    public void A_name_without_a_real_date_has_no_export_date(string name) => Assert.Null(ExportDate.FromFileName(name));

    [Fact]
    public void A_month_export_counts_as_of_the_months_last_day()
    {
        Assert.Equal(new DateOnly(2026, 2, 28), ExportDate.FromFileName("cases_2026-02.csv")!.Value.Through);
        Assert.True(ExportDate.FromFileName("cases_2026-10.csv")!.Value.CompareTo(ExportDate.FromFileName("cases_2026-10-15.csv")!.Value) > 0);
    }

    [Fact]
    public void Files_load_by_the_date_in_their_name_not_by_name_and_the_report_prints_the_order()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        // Name order would load 2026-11-10 before 2026-11-2; modification times say the opposite of the names.
        var nov10 = w.WriteCsv("cases_2026-11-10.csv", CaseHeader + "C1,511922001,W001,I05,承诺件,2026-10-26 09:00,2,,办理中\n");
        var nov2 = w.WriteCsv("cases_2026-11-2.csv", CaseHeader + "C1,511922001,W001,I05,承诺件,2026-10-26 09:00,0,,办理中\n");
        var october = w.WriteCsv("cases_202610.csv", CaseHeader + "C1,511922001,W001,I05,承诺件,2026-10-26 09:00,1,,办理中\n");
        var undated = w.WriteCsv("cases.csv", CaseHeader + "C1,511922001,W001,I05,承诺件,2026-10-26 09:00,5,,办理中\n");
        File.SetLastWriteTime(nov10, new DateTime(2026, 11, 1, 8, 0, 0));
        File.SetLastWriteTime(nov2, new DateTime(2026, 11, 30, 8, 0, 0));
        File.SetLastWriteTime(october, new DateTime(2026, 11, 30, 9, 0, 0));
        File.SetLastWriteTime(undated, new DateTime(2026, 11, 5, 12, 0, 0));

        var result = Ingest(w);

        Assert.Equal(2, w.Scalar<int>("SELECT paused_days FROM fct_case WHERE case_id = 'C1'"));
        var lines = result.StdOut.Split('\n').Select(l => l.Trim()).ToList();
        var order = lines.SkipWhile(l => !l.StartsWith("导入顺序")).Skip(1).TakeWhile(l => l.Length > 0 && char.IsDigit(l[0])).ToList();
        Assert.Equal(
        [
            "1. centers.csv（文件名无日期，按修改时间",
            "2. windows.csv（文件名无日期，按修改时间",
            "3. items.csv（文件名无日期，按修改时间",
            "4. cases_202610.csv（文件名日期 2026-10）",
            "5. cases_2026-11-2.csv（文件名日期 2026-11-02）",
            "6. cases.csv（文件名无日期，按修改时间 2026-11-05 12:00:00）",
            "7. cases_2026-11-10.csv（文件名日期 2026-11-10）",
        ], order.Select(l => l.StartsWith("1.") || l.StartsWith("2.") || l.StartsWith("3.") ? l[..l.IndexOf("按修改时间", StringComparison.Ordinal)] + "按修改时间" : l));
    }

    [Fact]
    public void Re_sending_an_older_export_after_a_newer_one_moves_no_case_or_complaint_backwards()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_20261110.csv", CaseHeader +
            "C1,511922001,W001,I05,承诺件,2026-11-02 09:00,,2026-11-06 15:00,已办结\n" +
            "C2,511922001,W001,I05,承诺件,2026-11-03 09:00,3,,办理中\n");
        w.WriteCsv("complaints_20261110.csv", ComplaintHeader + "K1,2026-11-03 10:00,12345热线,511922001,服务态度,属实,2026-11-04 10:00,2026-11-06 10:00\n");
        Ingest(w);

        // The export of 2 November, sent again a night later: C1 still open, C2 not yet paused, K1 not yet closed.
        w.WriteCsv("cases_20261102.csv", CaseHeader +
            "C1,511922001,W001,I05,承诺件,2026-11-02 09:00,,,办理中\n" +
            "C2,511922001,W001,I05,承诺件,2026-11-03 09:00,0,,办理中\n" +
            "C3,511922101,W101,I03,承诺件,2026-11-02 11:00,,,已受理\n");
        w.WriteCsv("complaints_20261102.csv", ComplaintHeader + "K1,2026-11-03 10:00,12345热线,511922001,服务态度,,,\n");
        Ingest(w);

        Assert.Equal("已办结", w.Scalar<string>("SELECT status FROM api.cases WHERE case_id = 'C1'"));
        Assert.Equal(new DateTime(2026, 11, 6, 15, 0, 0), w.Scalar<DateTime>("SELECT completed_at FROM api.cases WHERE case_id = 'C1'"));
        Assert.Equal(3, w.Scalar<int>("SELECT paused_days FROM api.cases WHERE case_id = 'C2'"));
        Assert.Equal("已受理", w.Scalar<string>("SELECT status FROM api.cases WHERE case_id = 'C3'"));
        Assert.Equal(("属实", new DateTime(2026, 11, 6, 10, 0, 0)),
            w.Query<(string, DateTime)>("SELECT verdict, closed_at FROM api.complaints WHERE complaint_id = 'K1'").Single());
    }

    [Fact]
    public void A_later_export_that_shows_a_completed_case_open_does_not_reopen_it_and_says_so()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_20261110.csv", CaseHeader + "C1,511922001,W001,I05,承诺件,2026-11-02 09:00,,2026-11-06 15:00,已办结\n");
        w.WriteCsv("complaints_20261110.csv", ComplaintHeader + "K1,2026-11-03 10:00,12345热线,511922001,服务态度,属实,2026-11-04 10:00,2026-11-06 10:00\n");
        Ingest(w);
        w.WriteCsv("cases_20261120.csv", CaseHeader +
            "C1,511922001,W001,I05,承诺件,2026-11-02 09:00,,,办理中\n" +
            "C2,511922001,W001,I05,承诺件,2026-11-16 09:00,,,办理中\n");
        w.WriteCsv("complaints_20261120.csv", ComplaintHeader + "K1,2026-11-03 10:00,12345热线,511922001,服务态度,核查中,,\n");
        var result = Ingest(w);

        Assert.Equal("已办结", w.Scalar<string>("SELECT status FROM api.cases WHERE case_id = 'C1'"));
        Assert.Equal(2, w.Scalar<long>("SELECT count(*) FROM api.cases"));
        Assert.Equal("属实", w.Scalar<string>("SELECT verdict FROM api.complaints WHERE complaint_id = 'K1'"));
        Assert.Contains("提示：cases_20261120.csv：1 个办件已导入的版本已办结", result.StdOut);
        Assert.Contains("按“记录不倒退”的规则未更新：C1。", result.StdOut);
        Assert.Contains("提示：complaints_20261120.csv：1 条投诉已导入的版本已办结", result.StdOut);
        Assert.Equal(2, w.Scalar<long>("SELECT count(*) FROM load_note WHERE kind = 'not_backwards'"));
    }

    [Fact]
    public void A_newer_updated_at_may_reopen_a_completed_case()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_20261110.csv", CaseHeaderUpdated + "C1,511922001,W001,I05,承诺件,2026-11-02 09:00,2026-11-06 15:00,已办结,2026-11-06 15:00,\n");
        Ingest(w);
        // Reopened for 补正 on 9 November, in an export dated earlier than the one already loaded.
        w.WriteCsv("cases_20261109.csv", CaseHeaderUpdated + "C1,511922001,W001,I05,承诺件,2026-11-02 09:00,,办理中,2026-11-09 10:00,2\n");
        var result = Ingest(w);
        Assert.Equal(("办理中", 2), w.Query<(string, int)>("SELECT status, paused_days FROM api.cases WHERE case_id = 'C1'").Single());
        Assert.DoesNotContain("记录不倒退", result.StdOut);
    }

    [Fact]
    public void Two_versions_with_the_same_updated_at_and_different_content_are_reported_as_a_conflict()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_20261110.csv", CaseHeaderUpdated +
            "C1,511922001,W001,I05,承诺件,2026-11-02 09:00,,办理中,2026-11-05 10:00,\n" +
            "C2,511922001,W001,I05,承诺件,2026-11-02 09:00,,办理中,2026-11-05 10:00,\n");
        Ingest(w);
        // C1 again as it was; C2 with the same updated_at but paused: one of the two systems is wrong.
        w.WriteCsv("cases_20261111.csv", CaseHeaderUpdated +
            "C1,511922001,W001,I05,承诺件,2026-11-02 09:00,,办理中,2026-11-05 10:00,\n" +
            "C2,511922001,W001,I05,承诺件,2026-11-02 09:00,,办理中,2026-11-05 10:00,4\n" +
            "C3,511922001,W001,I05,承诺件,2026-11-03 09:00,,办理中,2026-11-05 10:00,\n");
        var result = Ingest(w);

        Assert.Contains("提示：cases_20261111.csv：1 个办件的更新时间与已导入的版本相同，内容却不同，已保留已导入的版本", result.StdOut);
        Assert.Contains("重新报送：C2。", result.StdOut);
        Assert.Null(w.Scalar<int?>("SELECT paused_days FROM api.cases WHERE case_id = 'C2'"));
        Assert.Equal(3, w.Scalar<long>("SELECT count(*) FROM api.cases"));
        Assert.Equal(1, w.Scalar<long>("SELECT count(*) FROM load_note WHERE kind = 'conflict'"));
    }

    [Fact]
    public void Feeds_without_updated_at_keep_the_later_export_across_runs_and_a_rectified_callback_stays_rectified()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_20261110.csv", CaseHeader + "C1,511922001,W001,I05,承诺件,2026-11-02 09:00,,2026-11-04 15:00,已办结\n");
        w.WriteCsv("video_checks_20261110.csv", "check_id,checked_at,center_code,finding\nV1,2026-11-09 10:00,511922001,大厅无人\n");
        w.WriteCsv("callbacks_20261110.csv", "callback_id,case_id,method,called_at,reached,rating,rectified_at\nB1,C1,电话回访,2026-11-05 10:00,是,不满意,2026-11-09 16:00\n");
        Ingest(w);

        // An older video-check export sent again, and a later callback export that has lost the rectification.
        w.WriteCsv("video_checks_20261102.csv", "check_id,checked_at,center_code,finding\nV1,2026-11-09 10:00,511922001,正常\n");
        w.WriteCsv("callbacks_20261120.csv", "callback_id,case_id,method,called_at,reached,rating,rectified_at\nB1,C1,电话回访,2026-11-05 10:00,是,不满意,\n");
        Ingest(w);

        Assert.Equal("大厅无人", w.Scalar<string>("SELECT finding FROM api.video_checks WHERE check_id = 'V1'"));
        Assert.Equal(new DateTime(2026, 11, 9, 16, 0, 0), w.Scalar<DateTime>("SELECT rectified_at FROM api.callbacks WHERE callback_id = 'B1'"));

        // A later video-check export does replace.
        w.WriteCsv("video_checks_20261115.csv", "check_id,checked_at,center_code,finding\nV1,2026-11-09 10:00,511922001,离岗\n");
        Ingest(w);
        Assert.Equal("离岗", w.Scalar<string>("SELECT finding FROM api.video_checks WHERE check_id = 'V1'"));
    }
}
