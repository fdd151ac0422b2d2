using Oversight.Ingest;

namespace Oversight.Tests.Ingest;

public class RowRejectionTests
{
    private const string Header = "case_id,center_code,window_code,item_code,case_type,channel,accepted_at,due_at,paused_days,completed_at,status\n";

    private sealed record Reject(long row_number, string column_name, string reason);

    [Fact]
    public void Each_broken_rule_rejects_its_row_with_file_row_column_and_reason_and_the_good_rows_load()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_mixed.csv", Header +
            "C01,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +               // row 2 good
            ",511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +                    // row 3 missing id
            "C03,511922001,W001,I05,承诺件,窗口,2026-13-02 09:00,,,,办理中\n" +                // row 4 bad date
            "C04,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,two,,办理中\n" +             // row 5 bad number
            "C05,511922001,W001,I05,加急件,窗口,2026-03-02 09:00,,,,办理中\n" +                // row 6 unknown enum
            "C06,511922999,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +                // row 7 unknown center
            "C07,511922001,W999,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +                // row 8 unknown window
            "C08,511922001,W001,I99,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +                // row 9 unknown item
            "C09,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,2026-03-01 17:00,,,办理中\n"+ // row 10 due before acceptance
            "C10,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,2026-03-01 17:00,已办结\n"+ // row 11 completed before acceptance
            "C01,511922001,W001,I05,承诺件,窗口,2026-03-03 09:00,,,,办理中\n" +                // row 12 id repeated
            "C12,511922001,W001,I05,promised,proxy,2026/3/2 9:05,,1,2026-03-09T16:30:00,已办结\n"); // row 13 good, aliases
        var report = w.Ingest(threshold: 1.0);

        var file = Assert.Single(report.Files, f => f.FileName == "cases_mixed.csv");
        Assert.Equal((Outcomes.Loaded, 2L, 10L), (file.Outcome, file.RowsLoaded, file.RowsRejected));
        var rejects = w.Query<Reject>("SELECT row_number, column_name, reason FROM load_reject WHERE file_name = 'cases_mixed.csv' ORDER BY row_number");
        Assert.Equal(
        [
            new Reject(3, "case_id", "办件编号为空"),
            new Reject(4, "accepted_at", "受理时间“2026-13-02 09:00”无法识别为日期时间"),
            new Reject(5, "paused_days", "暂停计时天数“two”不是非负整数"),
            new Reject(6, "case_type", "办件类型“加急件”不在允许值内（即办件/承诺件/退回件/补办件）"),
            new Reject(7, "center_code", "中心编码“511922999”不存在（请先报送中心表：centers/中心）"),
            new Reject(8, "window_code", "窗口编码“W999”不存在（请先报送窗口表：windows/窗口）"),
            new Reject(9, "item_code", "事项编码“I99”不存在（请先报送事项表：items/事项）"),
            new Reject(10, "due_at", "承诺办结时间早于受理时间"),
            new Reject(11, "completed_at", "办结时间早于受理时间"),
            new Reject(12, "case_id", "办件编号在本文件中重复（首次出现在第 2 行）"),
        ], rejects);
        Assert.Equal(["C01", "C12"], w.Query<string>("SELECT case_id FROM fct_case ORDER BY case_id"));
        Assert.Equal(("承诺件", "代办", new DateTime(2026, 3, 2, 9, 5, 0)),
            w.Query<(string, string, DateTime)>("SELECT case_type, channel, accepted_at FROM fct_case WHERE case_id = 'C12'").Single());
    }

    [Theory]
    [InlineData("2026-03-02 09:05:07", "2026-03-02 09:05:07")]
    [InlineData(" 2026-03-02 09:05:07 ", "2026-03-02 09:05:07")]
    [InlineData("2026-03-02 09:05:07.5", "2026-03-02 09:05:07.5")]
    [InlineData("2026-03-02 09:05", "2026-03-02 09:05:00")]
    [InlineData("2026/3/2 9:05", "2026-03-02 09:05:00")]
    [InlineData("2026-03-02T09:05:07", "2026-03-02 09:05:07")]
    [InlineData("2026-03-02", "2026-03-02 00:00:00")]
    [InlineData("2026-03-02 09:05:07+08", null)] // DuckDB's cast reads these; the contract does not
    [InlineData("2026-03-02 09:05:07-08", null)]
    [InlineData("2026 03 02 09:05:07", null)]
    [InlineData("12026-03-02 09:05:07", null)]
    [InlineData("epoch", null)]
    [InlineData("2026-02-30 09:05:07", null)]
    public void Date_times_load_in_the_contract_s_forms_only(string text, string? expected)
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_dates.csv", Header + $"C01,511922001,W001,I05,承诺件,窗口,{text},,,,办理中\n");
        w.Ingest(threshold: 1.0);
        Assert.Equal(expected, w.Query<string>("SELECT CAST(accepted_at AS VARCHAR) FROM fct_case").SingleOrDefault());
        if (expected is null)
            Assert.Equal(new Reject(2, "accepted_at", $"受理时间“{text.Trim()}”无法识别为日期时间"),
                w.Query<Reject>("SELECT row_number, column_name, reason FROM load_reject").Single());
    }

    [Fact]
    public void A_file_with_more_rejected_rows_than_the_threshold_is_set_aside_whole_as_a_broken_export()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var rows = string.Concat(Enumerable.Range(1, 57).Select(i => $"C{i:00},511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n"));
        w.WriteCsv("cases_broken.csv", Header + rows + string.Concat(Enumerable.Range(58, 4).Select(i => $"C{i},511922001,W001,I05,承诺件,窗口,nope,,,,办理中\n")));
        var report = w.Ingest();
        var file = Assert.Single(report.Files, f => f.FileName == "cases_broken.csv");
        Assert.Equal(Outcomes.SetAside, file.Outcome);
        Assert.Contains("被拒绝的行过多：4 / 61 行", file.Reason);
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM fct_case"));
        Assert.Equal(4L, w.Scalar<long>("SELECT count(*) FROM api.rejects WHERE file = 'cases_broken.csv'"));
        Assert.True(File.Exists(Path.Combine(w.Inbox, "quarantine", "cases_broken.csv.reason.txt")));
    }

    [Fact]
    public void One_bad_row_in_a_five_row_file_is_that_rows_problem_below_the_minimum_row_count()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var rows = string.Concat(Enumerable.Range(1, 4).Select(i => $"C{i:00},511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n"));
        w.WriteCsv("cases_small.csv", Header + rows + "C05,511922001,W001,I05,承诺件,窗口,nope,,,,办理中\n");
        var file = Assert.Single(w.Ingest().Files, f => f.FileName == "cases_small.csv");
        Assert.Equal(Outcomes.Loaded, file.Outcome);
        Assert.Equal((4L, 1L), (file.RowsLoaded, file.RowsRejected));
    }

    [Fact]
    public void One_bad_row_in_twenty_one_stays_under_the_default_threshold_and_the_rest_loads()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var rows = string.Concat(Enumerable.Range(1, 20).Select(i => $"C{i:00},511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n"));
        w.WriteCsv("cases_ok.csv", Header + rows + "C21,511922001,W001,I05,承诺件,窗口,nope,,,,办理中\n");
        var file = Assert.Single(w.Ingest().Files, f => f.FileName == "cases_ok.csv");
        Assert.Equal((Outcomes.Loaded, 20L, 1L), (file.Outcome, file.RowsLoaded, file.RowsRejected));
    }

    [Fact]
    public void A_repeated_id_outranks_the_later_row_s_other_problems_and_points_at_the_first_row_even_if_that_was_rejected()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_repeats.csv", Header +
            "C01,511922001,W001,I05,承诺件,窗口,nope,,,,办理中\n" +             // row 2: bad date, first C01
            "C01,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +  // row 3: repeat of row 2
            "C02,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +  // row 4: good
            " C02 ,511922999,W001,I05,承诺件,窗口,nope,,,,办理中\n" +            // row 5: repeat (padded) with other problems
            ",511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +     // row 6: blank id
            ",511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n");     // row 7: blank id again, not a repeat
        w.Ingest(threshold: 1.0);
        var rejects = w.Query<Reject>("SELECT row_number, column_name, reason FROM load_reject WHERE file_name = 'cases_repeats.csv' ORDER BY row_number");
        Assert.Equal(
        [
            new Reject(2, "accepted_at", "受理时间“nope”无法识别为日期时间"),
            new Reject(3, "case_id", "办件编号在本文件中重复（首次出现在第 2 行）"),
            new Reject(5, "case_id", "办件编号在本文件中重复（首次出现在第 4 行）"),
            new Reject(6, "case_id", "办件编号为空"),
            new Reject(7, "case_id", "办件编号为空"),
        ], rejects);
        Assert.Equal(["C02"], w.Query<string>("SELECT case_id FROM fct_case"));
    }

    [Theory]
    [InlineData("centers_2.csv", "center_code,center_name,county_code,kind", "511922201,长赤镇,511922,镇", "center_code", "中心编码")]
    [InlineData("windows_2.csv", "window_code,center_code,window_name", "W201,511922001,民政窗口", "window_code", "窗口编码")]
    [InlineData("items_2.csv", "item_code,item_name,promised_days", "I09,临时救助,5", "item_code", "事项编码")]
    [InlineData("staff.csv", "staff_id,staff_name,center_code", "S01,张三,511922001", "staff_id", "工号")]
    [InlineData("calendar.csv", "date,day_type", "2027-01-01,休", "date", "日期")]
    [InlineData("complaints.csv", "complaint_id,received_at,source,center_code,category", "T1,2026-03-02 10:00,12345热线,511922001,服务态度", "complaint_id", "投诉编号")]
    [InlineData("callbacks.csv", "callback_id,case_id,method,called_at,reached", "B1,C1,电话回访,2026-03-03 10:00,是", "callback_id", "回访编号")]
    [InlineData("video_checks.csv", "check_id,checked_at,center_code,finding", "V1,2026-03-02 10:00,511922001,离岗", "check_id", "抽查编号")]
    [InlineData("visits.csv", "visit_id,visited_at,center_code,visit_type,problems_found", "X1,2026-03-02 10:00,511922001,暗访,0", "visit_id", "检查编号")]
    public void Every_feed_rejects_a_key_repeated_in_the_same_file(string file, string header, string row, string key, string label)
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_1.csv", Header + "C1,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n");
        w.WriteCsv(file, $"{header}\n{row}\n{row}\n");
        var outcome = Assert.Single(w.Ingest(threshold: 1.0).Files, f => f.FileName == file);
        Assert.Equal((Outcomes.Loaded, 1L, 1L), (outcome.Outcome, outcome.RowsLoaded, outcome.RowsRejected));
        Assert.Equal(new Reject(3, key, $"{label}在本文件中重复（首次出现在第 2 行）"),
            w.Query<Reject>($"SELECT row_number, column_name, reason FROM load_reject WHERE file_name = '{file}'").Single());
    }

    [Fact]
    public void Rows_with_every_cell_blank_are_skipped_but_still_counted_in_the_row_numbers()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_padded.csv", Header +
            "C01,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" + // row 2
            ",,,,,,,,,,\n" +                                                    // row 3: Excel's empty line
            " , ,\"\",,,,,,,,  \n" +                                            // row 4: spaces and an empty quoted cell
            "C05,511922001,W001,I05,承诺件,窗口,nope,,,,办理中\n");              // row 5
        var file = Assert.Single(w.Ingest(threshold: 1.0).Files, f => f.FileName == "cases_padded.csv");
        Assert.Equal((Outcomes.Loaded, 1L, 1L), (file.Outcome, file.RowsLoaded, file.RowsRejected));
        Assert.Equal(5L, w.Scalar<long>("SELECT row_number FROM load_reject WHERE file_name = 'cases_padded.csv'"));
    }

    [Theory]
    [InlineData("2026-03-02 09:07:05", "2026-03-02 09:07:05")]
    [InlineData("2026-03-02 09:07", "2026-03-02 09:07:00")]
    [InlineData("2026/3/2 9:07", "2026-03-02 09:07:00")]
    [InlineData("2026/3/2 9:07:05", "2026-03-02 09:07:05")]
    [InlineData("2026-03-02T09:07:05", "2026-03-02 09:07:05")]
    [InlineData("2026-03-02T09:07", "2026-03-02 09:07:00")]
    public void Every_date_time_form_of_the_contract_is_accepted(string text, string expected)
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases.csv", Header + $"C1,511922001,W001,I05,承诺件,窗口,{text},,,,办理中\n");
        w.Ingest();
        Assert.Equal(DateTime.Parse(expected), w.Scalar<DateTime>("SELECT accepted_at FROM fct_case"));
    }

    [Fact]
    public void Empty_verdict_means_under_investigation_and_recorded_at_defaults_to_accepted_at()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("complaints.csv", "complaint_id,received_at,source,center_code,category,verdict\nT1,2026-03-02 10:00,意见箱,511922001,多次跑,\n");
        w.WriteCsv("cases.csv", Header + "C1,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n");
        w.Ingest();
        Assert.Equal("核查中", w.Scalar<string>("SELECT verdict FROM fct_complaint"));
        Assert.Equal(new DateTime(2026, 3, 2, 9, 0, 0), w.Scalar<DateTime>("SELECT recorded_at FROM fct_case"));
    }
}
