using Oversight.Ingest;
using Oversight.Warehouse;

namespace Oversight.Tests.Ingest;

/// <summary>A county's platform headers and codes mapped onto the contract by a JSON header profile.</summary>
public class HeaderProfileTests
{
    private sealed record Reject(long row_number, string column_name, string reason);

    [Fact]
    public void A_file_with_the_national_platforms_field_codes_loads_through_the_cli_with_the_shipped_profile()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("办件_20261101.csv", """
            SBLSH,中心编码,窗口编码,SXBM,办件类型,YWSLSJ,YWSLRBM,BJSJ,BJJGDM
            511922-2026-0001,511922001,W001,I05,承诺件,2026-10-08 09:00:00,G017,2026-10-12 16:00:00,6
            511922-2026-0002,511922001,W001,I05,承诺件,2026-10-08 10:00:00,G017,2026-10-09 11:00:00,1
            511922-2026-0003,511922001,W002,I03,承诺件,2026-10-09 09:30:00,G021,,
            511922-2026-0004,511922001,W002,I03,承诺件,2026-10-09 09:40:00,G021,2026-10-10 09:00:00,9
            """);
        w.Close();
        var result = CliProcess.Run(["ingest", "--settle-seconds", "0", "--db", w.DbPath, "--inbox", w.Inbox, "--reject-threshold", "1"]);
        w.Reopen();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [("511922-2026-0001", "I05", "G017", "已办结"), ("511922-2026-0002", "I05", "G017", "已退回"), ("511922-2026-0003", "I03", "G021", "办理中")],
            w.Query<(string, string, string, string)>("SELECT case_id, item_code, staff_id, status FROM fct_case ORDER BY case_id"));
        Assert.Equal(new DateTime(2026, 10, 12, 16, 0, 0), w.Scalar<DateTime>("SELECT completed_at FROM fct_case WHERE case_id = '511922-2026-0001'"));
        Assert.Equal([new Reject(5, "status", "办件状态“9”不在允许值内（已受理/办理中/已办结/已退回/不予受理/已撤销）")],
            w.Query<Reject>("SELECT row_number, column_name, reason FROM load_reject"));
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM load_note WHERE kind = 'unknown_columns'"));
    }

    [Fact]
    public void A_countys_own_profile_given_with_profile_maps_its_headers_and_codes_and_leaves_contract_files_alone()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var profile = Path.Combine(w.Root, "县平台表头.json");
        File.WriteAllText(profile, """
            {
              "name": "龙山县审批系统",
              "feeds": {
                "办件": {
                  "headers": { "流水号": "case_id", "受理单位": "center_code", "窗口号": "window_code", "事项代码": "item_code",
                               "件类型": "case_type", "收件时间": "accepted_at", "受理状态": "status" },
                  "values": { "status": { "0": "不予受理", "1": "已受理" } }
                }
              }
            }
            """, new System.Text.UTF8Encoding(true)); // as Notepad saves it: with a byte order mark
        w.WriteCsv("cases_county.csv", """
            流水号,受理单位,窗口号,事项代码,件类型,收件时间,受理状态
            LS01,511922001,W001,I05,承诺件,2026年10月8日 9:00,1
            LS02,511922001,W001,I05,承诺件,2026.10.08 10:00,0
            """);
        // A file in the contract's own shape: "1" is not a status there, and must stay refused.
        w.WriteCsv("cases_contract.csv", """
            case_id,center_code,window_code,item_code,case_type,accepted_at,status
            K01,511922001,W001,I05,承诺件,2026-10-08 09:00,1
            K02,511922001,W001,I05,承诺件,2026-10-08 09:00,已受理
            """);
        w.Close();
        var result = CliProcess.Run(["ingest", "--settle-seconds", "0", "--db", w.DbPath, "--inbox", w.Inbox, "--reject-threshold", "1", "--profile", profile]);
        w.Reopen();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([("K02", "已受理"), ("LS01", "已受理"), ("LS02", "不予受理")],
            w.Query<(string, string)>("SELECT case_id, status FROM fct_case ORDER BY case_id"));
        Assert.Equal(new DateTime(2026, 10, 8, 10, 0, 0), w.Scalar<DateTime>("SELECT accepted_at FROM fct_case WHERE case_id = 'LS02'"));
        Assert.Equal([new Reject(2, "status", "办件状态“1”不在允许值内（已受理/办理中/已办结/已退回/不予受理/已撤销）")],
            w.Query<Reject>("SELECT row_number, column_name, reason FROM load_reject WHERE file_name = 'cases_contract.csv'"));
    }

    [Theory]
    [InlineData("{\n  \"feeds\": {\n    \"cases\": {\n      \"headers\": {\n        \"SBLSH\": \"case_idd\"\n      }\n    }\n  }\n}",
        "第 5 行：“办件”表（cases）没有列“case_idd”")]
    [InlineData("{\n  \"feeds\": {\n    \"case\": {}\n  }\n}", "第 3 行：没有名为“case”的数据表")]
    [InlineData("{\n  \"feeds\": {\n    \"cases\": {\n      \"headers\": { \"SBLSH\": \"case_id\" }\n      \"values\": {}\n    }\n  }\n}",
        "第 5 行：JSON 格式错误")]
    [InlineData("{\n  \"feeds\": {\n    \"cases\": {\n      \"headers\": { \"SBLSH\": \"case_id\" },\n      \"values\": {\n        \"status\": { \"1\": \"已受理\" }\n      }\n    }\n  }\n}",
        "第 6 行：列“status”有值映射，但 headers 中没有表头映射到它")]
    [InlineData("{\n  \"feed\": {}\n}", "第 2 行：未知的键“feed”")]
    [InlineData("{\n  \"feeds\": {}\n}\n}", "第 4 行：JSON 格式错误")]
    [InlineData("", "是空的")]
    [InlineData("{\n  \"feeds\": { \"cases\": { \"headers\": {\n    \"SBLSH\": \"case_id\",\n    \"sblsh\": \"item_code\" } } }\n}",
        "第 4 行：表头“sblsh”映射了两次")]
    public void A_mistake_in_a_profile_is_reported_in_chinese_with_its_file_and_line(string json, string message)
    {
        using var dir = new TempDir();
        var file = dir.File("profile.json");
        File.WriteAllText(file, json);
        var ex = Assert.Throws<WarehouseException>(() => HeaderProfile.Load(file));
        Assert.Contains($"表头映射文件 {file} {message}", ex.Message);
    }

    [Fact]
    public void A_profile_saved_in_gb18030_is_read_as_well()
    {
        using var dir = new TempDir();
        var file = dir.File("县平台.json");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        File.WriteAllText(file, """{ "feeds": { "办件": { "headers": { "流水号": "办件编号" } } } }""", System.Text.Encoding.GetEncoding("GB18030"));
        Assert.Equal("case_id", HeaderProfile.Load(file).ColumnFor(Feed.Cases, "流水号"));
    }

    [Fact]
    public void The_cli_refuses_a_broken_profile_before_loading_anything_and_says_where_the_mistake_is()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var profile = Path.Combine(w.Root, "bad.json");
        File.WriteAllText(profile, "{\n  \"feeds\": {\n    \"cases\": { \"headers\": { \"SBLSH\": \"办件号\" } }\n  }\n}");
        w.Close();
        var result = CliProcess.Run(["ingest", "--settle-seconds", "0", "--db", w.DbPath, "--inbox", w.Inbox, "--profile", profile]);
        w.Reopen();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"错误：表头映射文件 {profile} 第 3 行：“办件”表（cases）没有列“办件号”", result.StdErr);
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM load_file"));
    }

    [Fact]
    public void The_shipped_national_profile_is_valid_and_maps_every_field_code_and_its_chinese_name()
    {
        var national = Assert.Single(HeaderProfile.Shipped, p => p.Name == "全国一体化政务服务平台字段代码");
        foreach (var (header, column) in new[]
                 {
                     ("SBLSH", "case_id"), ("申办流水号", "case_id"), ("SXBM", "item_code"), ("YWSLSJ", "accepted_at"),
                     ("业务受理时间", "accepted_at"), ("YWSLRBM", "staff_id"), ("业务受理人工号", "staff_id"), ("BJSJ", "completed_at"),
                     ("BJJGDM", "status"), ("办结结果代码", "status"), ("sblsh", "case_id"),
                 })
            Assert.Equal(column, national.ColumnFor(Feed.Cases, header));
        var status = national.ValuesFor(Feed.Cases, "status")!;
        Assert.Equal(("办理中", "已办结", "已退回", "已撤销", "已办结"), (status[""], status["0"], status["1"], status["2"], status["7"]));
    }
}
