using System.Text;
using Oversight.Ingest;

namespace Oversight.Tests.Ingest;

public class FileLevelTests
{
    private static FileOutcome Only(IngestReport report, string name) => Assert.Single(report.Files, f => f.FileName == name);

    [Fact]
    public void Reference_feeds_load_before_fact_feeds_whatever_the_file_names_order()
    {
        using var w = new TestWarehouse();
        // "a_..." would sort first; feed order must still put centers/windows/items before cases.
        w.WriteCsv("cases_0001.csv", "case_id,center_code,window_code,item_code,case_type,accepted_at,status\nC1,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n");
        w.WriteReferenceFeeds();
        var report = w.Ingest();
        Assert.Equal(["centers", "windows", "items", "cases"], report.Files.Select(f => f.Feed!));
        Assert.Equal(1L, w.Scalar<long>("SELECT count(*) FROM fct_case"));
    }

    [Fact]
    public void Chinese_feed_names_and_headers_in_gb18030_are_detected_without_being_told()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        w.WriteCsv("办件_20261123.csv",
            "受理时间,办件编号,中心编码,窗口编码,事项编码,办件类型,办件状态\n2026-03-02 09:00,C1,511922001,W001,I05,承诺件,办理中\n",
            Encoding.GetEncoding("GB18030"));
        var report = w.Ingest();
        var file = Only(report, "办件_20261123.csv");
        Assert.Equal(Outcomes.Loaded, file.Outcome);
        Assert.Equal("gb18030", w.Scalar<string>("SELECT encoding FROM load_file WHERE file_name = '办件_20261123.csv'"));
        Assert.Equal("承诺件", w.Scalar<string>("SELECT case_type FROM fct_case WHERE case_id = 'C1'"));
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_and_padded_headers_load()
    {
        using var w = new TestWarehouse();
        w.WriteCsv("centers-2026.csv", " center_code , 中心名称 ,county_code,kind\n511922001,集州街道,511922,street\n", new UTF8Encoding(true));
        var report = w.Ingest();
        Assert.Equal(Outcomes.Loaded, Only(report, "centers-2026.csv").Outcome);
        Assert.Equal("街道", w.Scalar<string>("SELECT kind FROM dim_center"));
    }

    [Fact]
    public void Xlsx_with_excel_date_cells_and_numeric_cells_loads()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteXlsx("complaints.xlsx",
            ["complaint_id", "received_at", "source", "center_code", "category", "verdict", "complainant_phone"],
            ["T1", new DateTime(2026, 3, 2, 10, 15, 0), "12345热线", 511922001, "服务态度", "upheld", "13900001111"]);
        var report = w.Ingest();
        Assert.Equal(Outcomes.Loaded, Only(report, "complaints.xlsx").Outcome);
        Assert.Equal(new DateTime(2026, 3, 2, 10, 15, 0), w.Scalar<DateTime>("SELECT received_at FROM fct_complaint"));
        Assert.Equal("属实", w.Scalar<string>("SELECT verdict FROM fct_complaint"));
        Assert.Equal("139****1111", w.Scalar<string>("SELECT complainant_phone_masked FROM fct_complaint"));
    }

    [Theory]
    [InlineData("cases_renamed.xlsx", "case_id,center_code\nC1,511922001\n", "不是 Excel 工作簿")]
    [InlineData("cases_empty.csv", "", "文件为空")]
    [InlineData("budget_2026.csv", "a,b\n1,2\n", "无法从文件名识别数据表")]
    [InlineData("cases_2026.json", "{}", "不支持的文件格式")]
    [InlineData("cases_missing.csv", "case_id,center_code\nC1,511922001\n", "缺少必填列：窗口编码（window_code）、事项编码（item_code）、办件类型（case_type）、受理时间（accepted_at）、办件状态（status）")]
    [InlineData("cases_truncated.csv", "case_id,center_code,window_code,item_code,case_type,accepted_at,status\nC1,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\nC2,511922001,\"W0", "CSV 格式错误")]
    public void A_file_that_cannot_be_read_as_a_whole_is_set_aside_with_its_reason_and_nothing_of_it_loads(string name, string content, string reason)
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv(name, content);
        var report = w.Ingest();
        var file = Only(report, name);
        Assert.Equal(Outcomes.SetAside, file.Outcome);
        Assert.Contains(reason, file.Reason);
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM fct_case"));
        var quarantined = Path.Combine(w.Inbox, "quarantine", name);
        Assert.True(File.Exists(quarantined));
        Assert.Contains(reason, File.ReadAllText(quarantined + ".reason.txt"));
        Assert.False(File.Exists(Path.Combine(w.Inbox, name)));
        // The good files of the same night still load.
        Assert.Equal(2L, w.Scalar<long>("SELECT count(*) FROM dim_center"));
    }

    [Fact]
    public void Text_that_is_neither_utf8_nor_gb18030_is_set_aside_as_undecodable()
    {
        using var w = new TestWarehouse();
        var path = Path.Combine(w.Inbox, "centers_bad.csv");
        var bytes = Encoding.ASCII.GetBytes("center_code,center_name,county_code,kind\n511922001,").Concat(new byte[] { 0xFF, 0xFF, 0x80, 0x0A }).ToArray();
        File.WriteAllBytes(path, bytes);
        var file = Only(w.Ingest(), "centers_bad.csv");
        Assert.Equal(Outcomes.SetAside, file.Outcome);
        Assert.Contains("无法识别文件编码", file.Reason);
    }

    [Fact]
    public void Loading_the_same_file_twice_changes_nothing()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        const string cases = "case_id,center_code,window_code,item_code,case_type,accepted_at,status\nC1,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n";
        w.WriteCsv("cases_a.csv", cases);
        w.Ingest();
        var before = w.Scalar<long>("SELECT file_id FROM fct_case");
        w.WriteCsv("cases_a_again.csv", cases);
        var second = w.Ingest();
        Assert.Equal(Outcomes.Duplicate, Only(second, "cases_a_again.csv").Outcome);
        Assert.Equal(before, w.Scalar<long>("SELECT file_id FROM fct_case"));
        Assert.Equal(1L, w.Scalar<long>("SELECT count(*) FROM load_file WHERE feed = 'cases'"));
        Assert.True(File.Exists(Path.Combine(w.Inbox, "archive", "cases_a_again.csv")));
    }

    [Fact]
    public void Unknown_extra_columns_are_ignored_and_reported_once_per_file()
    {
        using var w = new TestWarehouse();
        w.WriteCsv("centers.csv", "center_code,center_name,county_code,kind,备注,联系人\n511922001,集州街道,511922,街道,x,y\n511922101,沙河镇,511922,镇,x,y\n");
        var report = w.Ingest();
        Assert.Equal(Outcomes.Loaded, Only(report, "centers.csv").Outcome);
        var note = Assert.Single(report.Warnings);
        Assert.Contains("备注、联系人", note);
        Assert.Equal(1L, w.Scalar<long>("SELECT count(*) FROM load_note WHERE kind = 'unknown_columns'"));
    }

    [Fact]
    public void Codes_keep_their_leading_zeros()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("items_extra.csv", "item_code,item_name,promised_days\n000123,补办证明,0\n");
        w.Ingest();
        Assert.Equal(1L, w.Scalar<long>("SELECT count(*) FROM dim_item WHERE item_code = '000123'"));
    }
}
