using System.Globalization;
using System.Text;
using Dapper;

namespace Oversight.Tests.Rectification;

/// <summary>The 整改 loop through the real CLI on a small county (龙山县): the October 通报 proposes items, the office
/// confirms them, exports the 台账, a township fills it in and sends it back through the inbox, and in December an item
/// whose window was still late in November cannot be closed without an override; the November 通报 reports back.</summary>
public class RectificationLoopTests : IDisposable
{
    private readonly TestWarehouse _w = new();
    private const string Big = "433130101", Late = "433130102", Complained = "433130103";

    public RectificationLoopTests()
    {
        _w.WriteCsv("centers.csv", $"""
            center_code,center_name,county_code,kind,population,head_name
            {Big},民安街道,433130,街道,60000,张三
            {Late},石牌镇,433130,镇,8000,李四
            {Complained},茨岩塘镇,433130,镇,20000,王五
            """);
        _w.WriteCsv("windows.csv", $"""
            window_code,center_code,window_name,category
            W1,{Big},综合窗口,综合
            W2,{Late},综合窗口,综合
            W3,{Complained},综合窗口,综合
            """);
        _w.WriteCsv("items.csv", "item_code,item_name,item_kind,promised_days\nI05,低保申请,行政给付,5\n");
        _w.WriteCsv("cases_202610.csv", Cases(10));
        _w.WriteCsv("complaints.csv", $"""
            complaint_id,received_at,source,center_code,window_code,category,content,verdict
            P1,2026-10-15 09:00,12345热线,{Complained},W3,服务态度,窗口人员态度生硬，电话13987654321,属实
            """);
        _w.Ingest();
        _w.Close();
    }

    public void Dispose() => _w.Dispose();

    /// <summary>A month of cases: 200 on time at the big center, 20 at the complained-of one, and at 石牌镇 20 of which
    /// 10 completed well after their 5 working days.</summary>
    private static string Cases(int month)
    {
        var s = new StringBuilder("case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status\n");
        void Add(string id, string center, string window, int day, int doneDay) => s.Append(CultureInfo.InvariantCulture,
            $"{id},{center},{window},I05,承诺件,窗口,2026-{month:00}-{day:00} 09:00,2026-{month:00}-{doneDay:00} 15:00,已办结\n");
        for (var i = 0; i < 200; i++) Add($"A{month}-{i}", Big, "W1", 3 + i % 10, 3 + i % 10);
        for (var i = 0; i < 20; i++) Add($"C{month}-{i}", Complained, "W3", 3 + i % 10, 4 + i % 10);
        for (var i = 0; i < 20; i++) Add($"B{month}-{i}", Late, "W2", 3 + i % 5, i < 10 ? 27 : 4 + i % 5);
        return s.ToString();
    }

    private CliProcess.Result Cli(params string[] args)
    {
        var r = CliProcess.Run([.. args, "--db", _w.DbPath], environment: new Dictionary<string, string> { ["OVERSIGHT_DEBUG"] = "1" });
        return r;
    }

    private T Read<T>(Func<DuckDB.NET.Data.DuckDBConnection, T> read)
    {
        _w.Reopen();
        try { return read(_w.Connection); }
        finally { _w.Close(); }
    }

    [Fact]
    public void A_tong_bao_proposes_the_office_confirms_the_township_reports_back_and_a_still_late_window_needs_an_override()
    {
        var reports = Path.Combine(_w.Root, "reports");
        var october = Cli("report", "monthly", "--month", "2026-10", "--issue", "--date", "2026-11-05", "--no-pdf", "--out", reports);
        Assert.True(october.ExitCode == 0, october.StdOut + october.StdErr);

        // The 通报's problem lines became proposals, nothing assigned yet.
        var proposals = Read(c => c.Query<(long Id, string Kind, string Center, string Status, string Description)>(
            "SELECT item_id, kind, center_code, status, description FROM rectification_item ORDER BY item_id").ToList());
        Assert.Contains(proposals, p => p.Kind == "overdue" && p.Center == Late);
        Assert.Contains(proposals, p => p.Kind == "complaints" && p.Center == Complained);
        Assert.All(proposals, p => Assert.Equal("待确认", p.Status));
        Assert.All(proposals, p => Assert.DoesNotContain("13987654321", p.Description));
        var list = Cli("rectify", "list", "--date", "2026-11-05");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("待确认", list.StdOut);
        // `propose` on its own adds nothing the issue already proposed.
        Assert.Contains("没有新的整改建议", Cli("rectify", "propose", "--month", "2026-10", "--date", "2026-11-05").StdOut);

        var late = proposals.Single(p => p.Kind == "overdue").Id.ToString(CultureInfo.InvariantCulture);
        var complained = proposals.Single(p => p.Kind == "complaints").Id.ToString(CultureInfo.InvariantCulture);
        var confirm = Cli("rectify", "confirm", late, complained, "--date", "2026-11-05", "--by", "县政务服务管理局 张三");
        Assert.True(confirm.ExitCode == 0, confirm.StdOut + confirm.StdErr);
        // 15 working days after Thursday 5 November 2026: Thursday the 26th.
        Assert.Contains("已交办 整改〔2026〕1号：石牌镇，时限 15 个工作日，至 2026-11-26", confirm.StdOut);
        Assert.Contains("已交办 整改〔2026〕2号：茨岩塘镇", confirm.StdOut);
        foreach (var other in proposals.Where(p => p.Kind is not ("overdue" or "complaints")))
            Assert.Equal(0, Cli("rectify", "drop", other.Id.ToString(CultureInfo.InvariantCulture), "--reason", "已在他项中交办").ExitCode);
        // Confirming twice is refused in Chinese.
        var again = Cli("rectify", "confirm", late);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("当前状态为“已交办”", again.StdErr);

        // The 台账, one workbook per township, with the dropdown on 状态.
        var ledgers = Path.Combine(_w.Root, "ledgers");
        var export = Cli("rectify", "export", "--out", ledgers, "--date", "2026-11-20");
        Assert.True(export.ExitCode == 0, export.StdOut + export.StdErr);
        var lateBook = Path.Combine(ledgers, $"整改反馈_{Late}_20261120.xlsx");
        var complainedBook = Path.Combine(ledgers, $"整改反馈_{Complained}_20261120.xlsx");
        Assert.Equal(["整改〔2026〕1号"], LedgerWorkbook.Numbers(lateBook));
        Assert.Equal(["整改〔2026〕2号"], LedgerWorkbook.Numbers(complainedBook));
        var (choices, range) = LedgerWorkbook.StatusDropdown(lateBook);
        Assert.Equal("\"整改中,申请销号\"", choices);
        Assert.StartsWith("J3:J", range);
        foreach (var column in new[] { "编号", "问题", "整改要求", "责任单位", "责任人", "时限", "整改措施", "佐证", "状态", "复核" })
            Assert.Contains(column, LedgerWorkbook.HeaderNames(lateBook));

        // 石牌镇 fills in one good row and one unknown item; 茨岩塘镇 closes its own item, skipping review.
        LedgerWorkbook.Fill(lateBook, "整改〔2026〕1号", new Dictionary<string, string>
        {
            ["责任人"] = "李四", ["整改措施"] = "逐件核查超期原因，窗口增配一人", ["佐证"] = "石牌镇整改报告", ["完成日期"] = "2026-11-18",
            ["状态"] = "申请销号", ["填报人"] = "石牌镇 刘会计",
        });
        LedgerWorkbook.Fill(lateBook, "整改〔2026〕99号", new Dictionary<string, string> { ["状态"] = "整改中" });
        LedgerWorkbook.Fill(complainedBook, "整改〔2026〕2号", new Dictionary<string, string> { ["整改措施"] = "已道歉", ["状态"] = "已销号" });
        File.Copy(lateBook, Path.Combine(_w.Inbox, Path.GetFileName(lateBook)));
        File.Copy(complainedBook, Path.Combine(_w.Inbox, Path.GetFileName(complainedBook)));
        // November: 石牌镇's window is still late.
        File.WriteAllText(Path.Combine(_w.Inbox, "cases_202611.csv"), Cases(11));
        var ingest = Cli("ingest", "--inbox", _w.Inbox, "--settle-seconds", "0", "--reject-threshold", "1");
        Assert.True(ingest.ExitCode == 0, ingest.StdOut + ingest.StdErr);
        var rejects = Cli("rejects");
        Assert.Contains("整改台账中没有编号“整改〔2026〕99号”的事项", rejects.StdOut);
        Assert.Contains("销号须经县里复核", rejects.StdOut);

        var afterFeed = Read(c => c.Query<(string Number, string Status, string? Measures, string? Responsible)>(
            "SELECT doc_number, status, measures, responsible FROM rectification_item WHERE doc_number IS NOT NULL ORDER BY doc_seq").ToList());
        Assert.Equal(("整改〔2026〕1号", "申请销号", "逐件核查超期原因，窗口增配一人", "李四"), afterFeed[0]);
        Assert.Equal(("整改〔2026〕2号", "已交办", (string?)null, (string?)null), afterFeed[1]);
        var sent = Read(c => c.QuerySingle<(string Actor, string From, string To, long? FileId)>(
            "SELECT actor, from_status, to_status, file_id FROM rectification_event WHERE to_status = '申请销号'"));
        Assert.Equal(("石牌镇 刘会计", "已交办", "申请销号"), (sent.Actor, sent.From, sent.To));
        Assert.NotNull(sent.FileId);

        // The lights: blue on its last day, red the day after.
        Assert.Contains("整改〔2026〕1号（", Cli("rectify", "list", "--date", "2026-11-26").StdOut.Split('\n').Single(l => l.Contains("整改〔2026〕1号") && l.Contains("【蓝】")));
        Assert.Contains("【红】", Cli("rectify", "list", "--date", "2026-11-27").StdOut.Split('\n').Single(l => l.Contains("整改〔2026〕1号")));

        // 茨岩塘镇's item is worked on and closed on time through the CLI (no complete month after it to check yet).
        Assert.Equal(0, Cli("rectify", "update", "整改〔2026〕2号", "--status", "申请销号", "--measures", "向投诉人道歉并回访", "--date", "2026-11-24").ExitCode);
        var closeOnTime = Cli("rectify", "close", "整改〔2026〕2号", "--reviewer", "赵六", "--date", "2026-11-25");
        Assert.True(closeOnTime.ExitCode == 0, closeOnTime.StdOut + closeOnTime.StdErr);

        // December: November's data shows 石牌镇 still late, so no silent 销号.
        var refused = Cli("rectify", "close", "整改〔2026〕1号", "--reviewer", "赵六", "--date", "2026-12-03");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("数据未见改善", refused.StdErr);
        Assert.Contains("2026年11月", refused.StdErr);
        Assert.Equal("申请销号", Read(c => c.ExecuteScalar<string>("SELECT status FROM rectification_item WHERE doc_number = '整改〔2026〕1号'")));
        var overridden = Cli("rectify", "close", "整改〔2026〕1号", "--reviewer", "赵六", "--date", "2026-12-03", "--override", "新增人员12月到岗，下月复核");
        Assert.True(overridden.ExitCode == 0, overridden.StdOut + overridden.StdErr);
        Assert.Equal(("已销号", "新增人员12月到岗，下月复核"), Read(c => c.QuerySingle<(string, string)>(
            "SELECT status, override_reason FROM rectification_item WHERE doc_number = '整改〔2026〕1号'")));

        // The November 通报 reports back on October's items, as of November's end.
        var november = Cli("report", "monthly", "--month", "2026-11", "--issue", "--date", "2026-12-05", "--no-pdf", "--out", reports);
        Assert.True(november.ExitCode == 0, november.StdOut + november.StdErr);
        var md = File.ReadAllText(Path.Combine(reports, "月度通报_2026-11.md"));
        Assert.Contains("上月交办整改问题 2 项：按期销号 1 项、逾期 1 项、数据未见改善 1 项；逾期的是石牌镇；整改后数据未见改善的是石牌镇", md);
        Assert.Contains("逾期整改事项清单", md);
        Assert.Contains("| 整改〔2026〕1号 |", md);
        var html = File.ReadAllText(Path.Combine(reports, "月度通报_2026-11.html"));
        Assert.Contains("按期销号 1 项、逾期 1 项、数据未见改善 1 项", html);
        // The annex workbook's 整改台账 sheet: the items open at November's end by township, with their light then
        // (茨岩塘镇's was closed on 25 November, so only 石牌镇's, red, 2 working days past 26 November).
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(Directory.GetFiles(reports, "*2026-11*.xlsx").Single(), false))
        {
            var rows = Reports.XlsxChecks.Rows(Reports.XlsxChecks.Sheets(book)["整改台账"])
                .Select(r => r.Select(Reports.XlsxChecks.Text).ToList()).ToList();
            Assert.Equal(["乡镇（街道）", "整改编号", "问题"], rows[0].Take(3));
            var row = Assert.Single(rows.Skip(1));
            Assert.Equal(("石牌镇", "整改〔2026〕1号", "红", "2"), (row[0], row[1], row[rows[0].IndexOf("月末灯色")], row[rows[0].IndexOf("逾期工作日")]));
        }

        // 责任追究 for the late item, recorded with masked free text, is printed in the Q4 assessment's appendix.
        var hold = Cli("rectify", "hold", "整改〔2026〕1号", "--measure", "约谈", "--person", "石牌镇分管负责人（电话13987654321）",
            "--decided-by", "县纪委监委驻局纪检监察组", "--date", "2026-12-04");
        Assert.True(hold.ExitCode == 0, hold.StdOut + hold.StdErr);
        Assert.Equal(("已销号", "已销号"), Read(c => c.QuerySingle<(string, string)>(
            "SELECT from_status, to_status FROM rectification_event WHERE note LIKE '责任追究：约谈%'")));

        // The default assessment scheme rates late or reopened items per item due: 石牌镇's one item was late, 茨岩塘镇's was not.
        var annual = Cli("report", "annual", "--quarter", "2026Q4", "--no-pdf", "--out", reports);
        Assert.True(annual.ExitCode == 0, annual.StdOut + annual.StdErr);
        var assessment = File.ReadAllText(Directory.GetFiles(reports, "乡镇长考核_2026年第四季度_*_草稿.md").Single());
        Assert.Contains("| 整改 | 整改〔2026〕1号 | 交办整改逾期或退回重改率 |", assessment);
        Assert.DoesNotContain("整改〔2026〕2号", assessment);
        Assert.Contains("交办整改逾期或退回重改率 1 件 ÷ 整改交办 1 件 = 100%", assessment);
        Assert.Contains("交办整改逾期或退回重改率 0 件 ÷ 整改交办 1 件 = 0%", assessment);
        var held = assessment[assessment.IndexOf("### 整改责任追究情况", StringComparison.Ordinal)..];
        var heldRow = held.Split('\n').Single(l => l.StartsWith("| 石牌镇 | 整改〔2026〕1号 |", StringComparison.Ordinal));
        Assert.True(heldRow.Contains("| 约谈 | 石牌镇分管负责人（电话139") && heldRow.Contains("4321） | 2026-12-04 | 县纪委监委驻局纪检监察组 |"), heldRow);
        Assert.DoesNotContain("13987654321", assessment);
        var assessmentHtml = File.ReadAllText(Directory.GetFiles(reports, "乡镇长考核_2026年第四季度_*_草稿.html").Single());
        Assert.Contains("<td>整改〔2026〕1号</td>", assessmentHtml.Split("id=\"accountability\"")[1]);

        // In December 茨岩塘镇's closed item is reopened; November's 通报, laid out again, still says what held at
        // November's end (it was closed on time then), not the item's status today.
        Assert.Equal(0, Cli("rectify", "reopen", "整改〔2026〕2号", "--reason", "佐证不足", "--date", "2026-12-10").ExitCode);
        var rerendered = Cli("report", "monthly", "--month", "2026-11", "--no-pdf", "--out", Path.Combine(_w.Root, "again"));
        Assert.True(rerendered.ExitCode == 0, rerendered.StdOut + rerendered.StdErr);
        var mdAgain = File.ReadAllText(Directory.GetFiles(Path.Combine(_w.Root, "again"), "月度通报_2026-11*.md").Single());
        Assert.Contains("上月交办整改问题 2 项：按期销号 1 项、逾期 1 项、数据未见改善 1 项；逾期的是石牌镇；", mdAgain);
        // …while today's list shows it returned.
        Assert.Contains("退回重改", Cli("rectify", "list", "--date", "2026-12-10").StdOut.Split('\n').Single(l => l.Contains("整改〔2026〕2号")));
    }

    [Fact]
    public void A_deadline_counts_working_days_across_the_national_day_holiday_and_the_item_turns_red_the_day_after()
    {
        // Monday 28 September 2026, 5 working days for a video finding: 29, 30 September, then 1–7 October off,
        // 8, 9 October and Saturday 10 October (an adjusted working day).
        var add = Cli("rectify", "add", "--center", Late, "--source", "视频抽查", "--problem", "9月25日视频抽查大厅无人", "--date", "2026-09-28");
        Assert.True(add.ExitCode == 0, add.StdOut + add.StdErr);
        Assert.Contains("已交办 整改〔2026〕1号，时限至 2026-10-10", add.StdOut);
        Assert.Contains("【黄】", Cli("rectify", "list", "--date", "2026-10-08").StdOut); // 3 of 5 working days gone, no measures
        Assert.Contains("【蓝】", Cli("rectify", "update", "整改〔2026〕1号", "--measures", "排班表上墙", "--date", "2026-10-08") is { ExitCode: 0 }
            ? Cli("rectify", "list", "--date", "2026-10-09").StdOut : "update failed");
        Assert.DoesNotContain("【红】", Cli("rectify", "list", "--date", "2026-10-10").StdOut);
        var red = Cli("rectify", "list", "--date", "2026-10-11");
        Assert.Contains("【红】", red.StdOut);
        Assert.Contains("红灯（逾期）1", red.StdOut);
    }
}
