namespace Oversight.Tests.Ingest;

/// <summary>Workbooks as county systems export them: Excel 97–2003 .xls, codes in numeric cells with a number format.</summary>
public class WorkbookShapeTests
{
    private sealed record Reject(long row_number, string column_name, string reason);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public void An_xls_workbook_with_a_title_row_and_zero_padded_numeric_codes_loads_through_the_cli()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        File.Copy(Fixture("staff_2026.xls"), Path.Combine(w.Inbox, "staff_2026.xls"));
        w.Close();
        var result = CliProcess.Run(["ingest", "--settle-seconds", "0", "--db", w.DbPath, "--inbox", w.Inbox, "--reject-threshold", "1"]);
        w.Reopen();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("staff_2026.xls：表头在第 2 行，其上的标题行未作为数据导入：第 1 行“龙山县乡镇便民服务中心工作人员名册”", result.StdOut);
        Assert.Equal([("0010010", "张三", "511922001", "W001", "A岗"), ("0010011", "李四", "511922001", "W002", "B岗")],
            w.Query<(string, string, string, string, string)>("SELECT staff_id, staff_name, center_code, window_code, post FROM dim_staff ORDER BY staff_id"));
        Assert.Equal("2024-03-01", w.Scalar<string>("SELECT CAST(active_from AS VARCHAR) FROM dim_staff WHERE staff_id = '0010010'"));
        Assert.Equal([new Reject(5, "post", "岗位“C岗”不在允许值内（A岗/B岗）")],
            w.Query<Reject>("SELECT row_number, column_name, reason FROM load_reject"));
        Assert.Equal("xls", w.Scalar<string>("SELECT format FROM load_file WHERE file_name = 'staff_2026.xls'"));
    }

    [Fact]
    public void A_file_named_xls_that_is_not_a_workbook_is_set_aside_with_its_reason()
    {
        using var w = new TestWarehouse();
        w.WriteCsv("staff_2026.xls", "<html><table><tr><td>工号</td></tr></table></html>");
        var file = Assert.Single(w.Ingest().Files);
        Assert.Equal(Oversight.Ingest.Outcomes.SetAside, file.Outcome);
        Assert.Contains("文件扩展名是 .xls，但内容不是 Excel 工作簿", file.Reason);
    }

    [Fact]
    public void A_workbook_under_the_other_excel_extension_is_read_for_what_it_is()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        File.Copy(Fixture("staff_2026.xls"), Path.Combine(w.Inbox, "staff_a.xlsx"));
        w.WriteXlsx("staff_b.xls", ["staff_id", "staff_name", "center_code"], ["S9", "赵六", "511922001"]);
        var report = w.Ingest(threshold: 1.0);
        Assert.All(report.Files, f => Assert.Equal(Oversight.Ingest.Outcomes.Loaded, f.Outcome));
        Assert.Equal([("staff_a.xlsx", "xls"), ("staff_b.xls", "xlsx")],
            w.Query<(string, string)>("SELECT file_name, format FROM load_file WHERE feed = 'staff' ORDER BY 1"));
        Assert.Equal(3L, w.Scalar<long>("SELECT count(*) FROM dim_staff"));
    }

    [Fact]
    public void Xlsx_numeric_codes_keep_the_text_their_number_format_shows_and_lost_digits_are_warned_once_per_column()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        FormattedXlsx.Write(Path.Combine(w.Inbox, "staff.xlsx"),
            ["staff_id", "staff_name", "center_code", "window_code"],
            [new Formatted(10010, "0000000"), "张三", 511922001, "W001"],
            [new Formatted(10011, "0000000"), "李四", 511922001, "W001"],
            [new Formatted(7, "\"G\"000"), "王五", 511922101, "W101"],
            [new Formatted(1234567, "000-0000"), "赵六", 511922101, "W101"]);
        FormattedXlsx.Write(Path.Combine(w.Inbox, "cases.xlsx"),
            ["case_id", "center_code", "window_code", "item_code", "case_type", "accepted_at", "status", "staff_id", "applicant_id"],
            ["C1", 511922001, "W001", "I05", "承诺件", "2026-10-08 09:00", "办理中", new Formatted(10010, "0000000"), 511922199001011234d],
            ["C2", 511922001, "W001", "I05", "承诺件", "2026-10-08 09:00", "办理中", new Formatted(10011, "0000000"), 511922199001015678d]);
        w.Close();
        var result = CliProcess.Run(["ingest", "--settle-seconds", "0", "--db", w.DbPath, "--inbox", w.Inbox]);
        w.Reopen();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["0010010", "0010011", "123-4567", "G007"], w.Query<string>("SELECT staff_id FROM dim_staff ORDER BY 1"));
        Assert.Equal(["0010010", "0010011"], w.Query<string>("SELECT staff_id FROM fct_case ORDER BY 1"));
        // Excel holds 15 significant digits: an ID number in a numeric cell is already wrong. Loaded, and warned once.
        Assert.Equal(2L, w.Scalar<long>("SELECT count(*) FROM fct_case WHERE applicant_id_masked IS NOT NULL"));
        var notes = w.Query<string>("SELECT message FROM load_note WHERE kind = 'numeric_cells'");
        Assert.Equal(["cases.xlsx：“申请人证件号码”（applicant_id）列有数字格式的单元格（首见第 2 行），数字超过 15 位，Excel 已丢失末尾的数字，无法还原；" +
                      "该列请在 Excel 中设为文本格式后重新导出"], notes);
        Assert.Contains(notes[0], result.StdOut);
    }
}
