using System.Text;
using Dapper;

namespace Oversight.Tests.Ingest;

/// <summary>Inboxes of one format only, loaded by the real CLI in a fresh process: nothing the test host set up
/// (encoding providers, a CSV decoded first) can hide a format that a new process cannot read.</summary>
public class InboxFormatTests
{
    private static readonly string[] CenterHeader = ["center_code", "center_name", "county_code", "kind"];
    private static readonly object?[][] CenterRows = [["511923001", "白庙镇", "511923", "镇"], ["511923002", "东城街道", "511923", "街道"]];
    private static readonly string[] WindowHeader = ["window_code", "center_code", "window_name", "category"];
    private static readonly object?[][] WindowRows = [["X01", "511923001", "综合窗口", "综合"], ["X02", "511923002", "社保窗口", "社保医保"]];
    private static readonly string[] ItemHeader = ["item_code", "item_name", "item_kind", "promised_days"];
    private static readonly object?[][] ItemRows = [["0007", "临时救助", "行政给付", "7"], ["0100", "开具证明", "便民服务", "0"]];
    private static readonly string[] CaseHeader = ["case_id", "center_code", "window_code", "item_code", "case_type", "accepted_at", "completed_at", "status"];
    private static readonly object?[][] CaseRows =
    [
        ["K-1", "511923001", "X01", "0007", "承诺件", "2026-09-01 09:30:00", "2026-09-04 16:00:00", "已办结"],
        ["K-2", "511923002", "X02", "0100", "即办件", "2026-09-02 10:00:00", null, "办理中"],
        ["K-3", "511923001", "X01", "0100", "即办件", "2026-09-03 11:15:00", "2026-09-03 11:40:00", "已办结"],
    ];

    private const string ExpectedCases =
        "K-1|511923001|X01|0007|承诺件|2026-09-01 09:30:00|2026-09-04 16:00:00|已办结\n" +
        "K-2|511923002|X02|0100|即办件|2026-09-02 10:00:00||办理中\n" +
        "K-3|511923001|X01|0100|即办件|2026-09-03 11:15:00|2026-09-03 11:40:00|已办结\n";

    [Theory]
    [InlineData("xlsx")]
    [InlineData("gb18030")]
    [InlineData("utf-8")]
    public void An_inbox_of_one_format_only_loads_exactly_through_the_cli_in_a_fresh_process(string format)
    {
        using var w = new TestWarehouse();
        Write(w, format, "centers", "中心", CenterHeader, CenterRows);
        Write(w, format, "windows", "窗口", WindowHeader, WindowRows);
        Write(w, format, "items", "事项", ItemHeader, ItemRows);
        Write(w, format, "cases", "办件", CaseHeader, CaseRows);
        w.Close();

        var run = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0"]);

        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        w.Reopen();
        Assert.Equal(4L, w.Scalar<long>("SELECT count(*) FROM load_file WHERE outcome = 'loaded'"));
        Assert.Equal("白庙镇|东城街道", string.Join('|', w.Query<string>("SELECT center_name FROM api.centers ORDER BY center_code")));
        Assert.Equal("临时救助|开具证明", string.Join('|', w.Query<string>("SELECT item_name FROM api.items ORDER BY item_code")));
        var cases = new StringBuilder();
        foreach (var r in w.Connection.Query<(string, string, string, string, string, DateTime, DateTime?, string)>("""
                     SELECT case_id, center_code, window_code, item_code, case_type, accepted_at, completed_at, status
                     FROM api.cases ORDER BY case_id
                     """))
            cases.Append($"{r.Item1}|{r.Item2}|{r.Item3}|{r.Item4}|{r.Item5}|{r.Item6:yyyy-MM-dd HH:mm:ss}|{r.Item7:yyyy-MM-dd HH:mm:ss}|{r.Item8}\n");
        Assert.Equal(ExpectedCases, cases.ToString());
        Assert.Empty(Directory.GetFiles(w.Inbox));
    }

    /// <summary>XLSX with English headers; GB18030 with Chinese file names and headers, as county systems export;
    /// UTF-8 with English names.</summary>
    private static void Write(TestWarehouse w, string format, string feed, string chineseName, string[] header, object?[][] rows)
    {
        if (format == "xlsx")
        {
            w.WriteXlsx($"{feed}_202609.xlsx", [.. new[] { header.Cast<object?>().ToArray() }.Concat(rows)]);
            return;
        }
        var f = Oversight.Ingest.Feed.All.Single(x => x.Name == feed);
        var names = format == "gb18030" ? header.Select(h => f.Columns.Single(c => c.Name == h).ChineseHeader).ToArray() : header;
        var text = new StringBuilder(string.Join(',', names)).Append('\n');
        foreach (var row in rows) text.Append(string.Join(',', row.Select(v => v?.ToString() ?? ""))).Append('\n');
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        w.WriteCsv(format == "gb18030" ? $"{chineseName}_202609.csv" : $"{feed}_202609.csv", text.ToString(),
            format == "gb18030" ? Encoding.GetEncoding("GB18030") : new UTF8Encoding(false));
    }
}
