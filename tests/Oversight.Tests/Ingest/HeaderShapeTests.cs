using System.Text;
using Oversight.Ingest;

namespace Oversight.Tests.Ingest;

/// <summary>Headers as platform exports write them: title rows above, invisible characters, columns named twice.</summary>
public class HeaderShapeTests
{
    private sealed record Reject(long row_number, string column_name, string reason);

    [Fact]
    public void Title_rows_above_the_header_are_skipped_and_reported_and_rejects_keep_the_files_own_row_numbers()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        // Row 1: title; row 2: a quoted cell over two lines (one record, two lines); row 3 blank; header on row 4.
        w.WriteCsv("cases_2026-10.csv",
            "龙山县2026年10月办件明细表,,,,,,\n" +
            "\"导出时间：2026-11-01\n制表：县数据局\",,,,,,\n" +
            ",,,,,,\n" +
            "case_id,center_code,window_code,item_code,case_type,accepted_at,status\n" +
            "C1,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n" +
            "C2,511922001,W001,I05,承诺件,2026-13-02 09:00,办理中\n" +
            "C3,511922001,W001,I05,承诺件,2026-03-02 10:00,办理中\n");
        var report = w.Ingest(threshold: 1.0);

        var file = Assert.Single(report.Files, f => f.FileName == "cases_2026-10.csv");
        Assert.Equal((Outcomes.Loaded, 2L, 1L), (file.Outcome, file.RowsLoaded, file.RowsRejected));
        Assert.Equal(["C1", "C3"], w.Query<string>("SELECT case_id FROM fct_case ORDER BY 1"));
        Assert.Equal([new Reject(6, "accepted_at", "受理时间“2026-13-02 09:00”无法识别为日期时间")],
            w.Query<Reject>("SELECT row_number, column_name, reason FROM load_reject"));
        var note = w.Scalar<string>("SELECT message FROM load_note WHERE kind = 'title_rows'");
        Assert.Equal("cases_2026-10.csv：表头在第 4 行，其上的标题行未作为数据导入：第 1 行“龙山县2026年10月办件明细表”；" +
                     "第 2 行“导出时间：2026-11-01\n制表：县数据局”", note);
        Assert.Contains(note, report.Warnings);
    }

    [Fact]
    public void A_file_whose_first_ten_rows_hold_no_header_is_set_aside_naming_the_missing_columns()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_titles.csv", string.Concat(Enumerable.Range(1, 10).Select(i => $"标题{i}\n")) +
            "case_id,center_code,window_code,item_code,case_type,accepted_at,status\n" +
            "C1,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n");
        var file = Assert.Single(w.Ingest().Files, f => f.FileName == "cases_titles.csv");
        Assert.Equal(Outcomes.SetAside, file.Outcome);
        Assert.StartsWith("缺少必填列：办件编号（case_id）", file.Reason);
        Assert.Contains("前 10 行", file.Reason);
    }

    [Fact]
    public void Invisible_characters_in_header_names_are_ignored()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        // Zero-width space, a stray BOM inside a name, NBSP, zero-width joiner, word joiner, full-width space.
        w.WriteCsv("cases_zw.csv",
            "\u200Bcase_id,center\uFEFF_code,\u00A0window_code\u00A0,item\u200D_code,case_type\u2060,\u3000受理时间\u3000,办件状态\u200C\n" +
            "C1,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n");
        var file = Assert.Single(w.Ingest().Files, f => f.FileName == "cases_zw.csv");
        Assert.Equal((Outcomes.Loaded, 1L), (file.Outcome, file.RowsLoaded));
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM load_note WHERE kind = 'unknown_columns'"));
    }

    [Theory]
    [InlineData("case_id,center_code,window_code,item_code,case_type,accepted_at,status,受理时间",
        "表头中“受理时间”（accepted_at）列出现了两次（第 6 列“accepted_at”和第 8 列“受理时间”）")]
    [InlineData("case_id,center_code,window_code,item_code,case_type,accepted_at,status,\u200Bstatus",
        "表头中“办件状态”（status）列出现了两次（第 7 列“status”和第 8 列“status”）")]
    public void A_column_named_twice_sets_the_file_aside_naming_it(string header, string reason)
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_dup.csv", header + "\nC1,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中,x\n");
        var file = Assert.Single(w.Ingest().Files, f => f.FileName == "cases_dup.csv");
        Assert.Equal(Outcomes.SetAside, file.Outcome);
        Assert.StartsWith(reason, file.Reason);
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM fct_case"));
    }

    [Fact]
    public void Through_the_cli_a_header_with_invisible_characters_loads_and_one_naming_a_column_twice_is_set_aside()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        w.WriteCsv("办件_a.csv", "\uFEFF办件编号\u200B,中心编码,窗口编码,事项编码,办件类型,受理时间\u00A0,办件状态\n" +
                                 "C1,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n", Encoding.GetEncoding("GB18030"));
        w.WriteCsv("办件_b.csv", "办件编号,中心编码,窗口编码,事项编码,办件类型,受理时间,办件状态,办件编号\u3000\n" +
                                 "C2,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中,C2\n");
        w.Close();
        var result = CliProcess.Run(["ingest", "--settle-seconds", "0", "--db", w.DbPath, "--inbox", w.Inbox]);
        w.Reopen();
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["C1"], w.Query<string>("SELECT case_id FROM fct_case"));
        Assert.Equal("表头中“办件编号”（case_id）列出现了两次（第 1 列“办件编号”和第 8 列“办件编号”），无法确定用哪一列。请删去重复的列后重新报送。",
            w.Scalar<string>("SELECT reason FROM load_file WHERE file_name = '办件_b.csv'"));
    }

    [Fact]
    public void An_xlsx_with_a_merged_title_row_loads_through_the_cli_with_the_sheets_row_numbers()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteXlsx("办件_202610.xlsx",
            ["龙山县2026年10月办件明细表"],
            [],
            ["办件编号", "中心编码", "窗口编码", "事项编码", "办件类型", "受理时间", "办件状态"],
            ["C1", "511922001", "W001", "I05", "承诺件", new DateTime(2026, 3, 2, 9, 0, 0), "办理中"],
            ["C2", "511922001", "W001", "I05", "加急件", new DateTime(2026, 3, 2, 9, 0, 0), "办理中"]);
        w.Close();
        var result = CliProcess.Run(["ingest", "--settle-seconds", "0", "--db", w.DbPath, "--inbox", w.Inbox, "--reject-threshold", "1"]);
        w.Reopen();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("办件_202610.xlsx：表头在第 3 行，其上的标题行未作为数据导入：第 1 行“龙山县2026年10月办件明细表”", result.StdOut);
        Assert.Equal(["C1"], w.Query<string>("SELECT case_id FROM fct_case"));
        Assert.Equal([new Reject(5, "case_type", "办件类型“加急件”不在允许值内（即办件/承诺件/退回件/补办件）")],
            w.Query<Reject>("SELECT row_number, column_name, reason FROM load_reject"));
    }
}
