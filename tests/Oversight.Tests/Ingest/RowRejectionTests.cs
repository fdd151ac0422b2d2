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
            new Reject(7, "center_code", "中心编码“511922999”不存在（请先报送中心表）"),
            new Reject(8, "window_code", "窗口编码“W999”不存在（请先报送窗口表）"),
            new Reject(9, "item_code", "事项编码“I99”不存在（请先报送事项表）"),
            new Reject(10, "due_at", "承诺办结时间早于受理时间"),
            new Reject(11, "completed_at", "办结时间早于受理时间"),
            new Reject(12, "case_id", "办件编号在本文件中重复（首次出现在第 2 行）"),
        ], rejects);
        Assert.Equal(["C01", "C12"], w.Query<string>("SELECT case_id FROM fct_case ORDER BY case_id"));
        Assert.Equal(("承诺件", "代办", new DateTime(2026, 3, 2, 9, 5, 0)),
            w.Query<(string, string, DateTime)>("SELECT case_type, channel, accepted_at FROM fct_case WHERE case_id = 'C12'").Single());
    }

    [Fact]
    public void A_file_with_more_rejected_rows_than_the_threshold_is_set_aside_whole_as_a_broken_export()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var rows = string.Concat(Enumerable.Range(1, 19).Select(i => $"C{i:00},511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n"));
        w.WriteCsv("cases_broken.csv", Header + rows + "C20,511922001,W001,I05,承诺件,窗口,not a date,,,,办理中\nC21,511922001,W001,I05,承诺件,窗口,nope,,,,办理中\n");
        var report = w.Ingest();
        var file = Assert.Single(report.Files, f => f.FileName == "cases_broken.csv");
        Assert.Equal(Outcomes.SetAside, file.Outcome);
        Assert.Contains("被拒绝的行过多：2 / 21 行", file.Reason);
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM fct_case"));
        Assert.Equal(2L, w.Scalar<long>("SELECT count(*) FROM api.rejects WHERE file = 'cases_broken.csv'"));
        Assert.True(File.Exists(Path.Combine(w.Inbox, "quarantine", "cases_broken.csv.reason.txt")));
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
