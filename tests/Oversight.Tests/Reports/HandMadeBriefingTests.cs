using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Oversight.Reports;
using Oversight.Reports.Issuing;
using Oversight.Reports.Monthly;

namespace Oversight.Tests.Reports;

/// <summary>October 2026 on a county the demo never saw (龙山县, 433130, named by no setting): one big center,
/// one tiny center with a single upheld complaint, and a center whose cases were all completed on time but which
/// has open overdue cases, one of them open since 2024.</summary>
public class HandMadeBriefingTests : IDisposable
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private readonly TestWarehouse _w = new();

    public HandMadeBriefingTests()
    {
        _w.WriteCsv("centers.csv", """
            center_code,center_name,county_code,kind,population,head_name
            433130101,民安街道,433130,街道,60000,张三
            433130102,石牌镇,433130,镇,8000,李四
            433130103,茨岩塘镇,433130,镇,20000,王五
            """);
        _w.WriteCsv("windows.csv", """
            window_code,center_code,window_name,category
            W1,433130101,综合窗口,综合
            W2,433130102,综合窗口,综合
            W3,433130103,综合窗口,综合
            """);
        _w.WriteCsv("items.csv", """
            item_code,item_name,item_kind,promised_days
            I05,低保申请,行政给付,5
            """);
        var cases = new StringBuilder("case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status\n");
        void Add(string id, string center, string window, string accepted, string? completed, string status) =>
            cases.Append(CultureInfo.InvariantCulture, $"{id},{center},{window},I05,承诺件,窗口,{accepted},{completed},{status}\n");
        // 600 cases on time at the big center, 5 at the tiny one, 20 at the third: accepted and completed in October.
        for (var i = 0; i < 600; i++) Add($"B{i:000}", "433130101", "W1", $"2026-10-{12 + i % 15:00} 09:00", $"2026-10-{12 + i % 15:00} 15:00", "已办结");
        for (var i = 0; i < 5; i++) Add($"S{i}", "433130102", "W2", "2026-10-13 09:00", "2026-10-14 10:00", "已办结");
        for (var i = 0; i < 20; i++) Add($"C{i:00}", "433130103", "W3", "2026-10-13 09:00", "2026-10-14 10:00", "已办结");
        Add("SEP1", "433130101", "W1", "2026-09-15 09:00", "2026-09-15 15:00", "已办结");
        // Due Tuesday 27 October (5 working days after the 20th), completed 20 November: 3 working days late at October's end.
        Add("LATE1", "433130101", "W1", "2026-10-20 09:00", "2026-11-20 10:00", "已办结");
        // Due Monday 2 November, completed (late) on the 3rd: at October's end open with 1 working day left, a yellow warning.
        Add("SOON1", "433130101", "W1", "2026-10-26 09:00", "2026-11-03 10:00", "已办结");
        // Due 19 October, still open: in the backlog; the center completed everything on time.
        Add("OPEN2", "433130103", "W3", "2026-10-12 09:00", null, "办理中");
        // Open since March 2024: far more than 90 days past due.
        Add("OLD1", "433130103", "W3", "2024-03-04 09:00", null, "办理中");
        _w.WriteCsv("cases.csv", cases.ToString());
        _w.WriteCsv("complaints.csv", """
            complaint_id,received_at,source,center_code,window_code,category,content,verdict
            P1,2026-10-15 09:00,12345热线,433130102,W2,服务态度,窗口人员态度生硬,属实
            """);
        _w.Ingest();
    }

    public void Dispose() => _w.Dispose();

    private MonthlyBriefing Build(DateOnly? month = null) =>
        MonthlyBriefingBuilder.Build(_w.Connection, Oversight.Calendar.Month.Of(month ?? October), ReportSettings.Load(new TemplateFolder()), new DateTime(2026, 11, 5, 9, 0, 0));

    /// <summary>Issued on 5 November 2026 by an injected clock; the real load ran later, so the clock is confirmed.</summary>
    private MonthlyBriefing Issue(IssueRequest? request = null, DateOnly? month = null, DateTime? now = null) =>
        MonthlyIssue.Issue(_w.Connection, null, month ?? October, ReportSettings.Load(new TemplateFolder()),
            (request ?? new IssueRequest()) with { ConfirmClock = true }, now ?? new DateTime(2026, 11, 5, 9, 0, 0)).Briefing;

    [Fact]
    public void The_real_cli_prints_a_tong_bao_with_its_parts_in_order_page_numbers_on_every_page_and_no_technical_names()
    {
        var browser = ChromiumPdf.FindBrowser();
        Assert.True(browser is not null, "需要 Chromium：运行 .ci/install-deps 安装 chromium 和中文字体");
        _w.Close();
        var outDir = Path.Combine(_w.Root, "reports");
        var run = CliProcess.Run(["report", "monthly", "--month", "2026-10", "--issue", "--date", "2026-11-05", "--db", _w.DbPath, "--out", outDir],
            environment: new Dictionary<string, string>());
        _w.Reopen();
        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        Assert.Contains("文号：龙政务监〔2026〕1号", run.StdOut);

        var pages = BriefingPrint.PdfPages(Path.Combine(outDir, "月度通报_2026-10.pdf"));
        Assert.True(pages.Count >= 3, $"only {pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
            Assert.Matches($@"(?m)^\s*— {i + 1} —\s*$", pages[i]);
        // GB/T 9704 form: A4; odd page numbers at the right edge, even at the left; the 版记 (抄送, 印发) on the last
        // page after the 附件, its last rule at the foot of the 版心 (35 mm above the bottom edge).
        var pdfPath = Path.Combine(outDir, "月度通报_2026-10.pdf");
        var (width, height) = OfficeDocuments.PageSize(pdfPath);
        Assert.Equal(595, width, 0);
        Assert.Equal(842, height, 0);
        int Indent(int page) => Regex.Match(pages[page - 1], $@"(?m)^( *)— {page} —").Groups[1].Value.Length;
        Assert.True(Indent(1) > 20 && Indent(2) < 10, $"page numbers indented {Indent(1)} and {Indent(2)}");
        Assert.Contains("抄送：", pages[^1]);
        Assert.Contains("印发", pages[^1]);
        Assert.DoesNotContain("抄送：", string.Concat(pages.SkipLast(1)));
        var foot = OfficeDocuments.LowestLine(pdfPath, pages.Count, "印发");
        Assert.InRange(foot, (297 - 35 - 15) / 25.4 * 72, (297 - 35) / 25.4 * 72 + 2);

        var pdf = Regex.Replace(string.Join("\n", pages), @"\s+", "");
        string[] inOrder =
        [
            "龙山县纪委监委驻县政务服务管理局纪检监察组", "龙山县政务服务管理局", "龙政务监〔2026〕1号",
            "关于2026年10月全县乡镇便民服务中心运行情况的通报", "各乡镇人民政府、街道办事处：",
            "一、基本情况", "二、存在的问题", "三、下步工作要求", "附件：", "2026年11月5日",
            "附件1", "附件2", "附件3", "附件4", "附件5综合得分计算方法及数据说明", "抄送：县委办、县政府办、县纪委监委。",
        ];
        var at = 0;
        foreach (var part in inOrder)
        {
            var next = pdf.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"“{part}” missing or out of order in the PDF text");
            at = next + part.Length;
        }
        Assert.DoesNotMatch(BriefingPrint.Technical, pdf);
        Assert.DoesNotContain("附件6", pdf); // no video check found anything: that annex is left out, the method is 附件5
        Assert.DoesNotContain("视频抽查发现问题清单", pdf);
        Assert.DoesNotContain("县区编码", pdf);
        Assert.DoesNotContain("Type 3", BriefingPrint.Fonts(Path.Combine(outDir, "月度通报_2026-10.pdf")));

        var html = Path.Combine(outDir, "月度通报_2026-10.html");
        var dom = ChromiumPdf.DumpDom(browser!, html);
        Assert.DoesNotMatch(BriefingPrint.Technical, BriefingPrint.Text(dom));
        foreach (var chart in new[] { "chart-trend", "chart-heatmap" })
        {
            var svg = Regex.Match(dom, $"<svg class=\"chart {chart}\".*?</svg>", RegexOptions.Singleline).Value;
            Assert.DoesNotMatch(BriefingPrint.DottedMonth, svg);
            Assert.Contains(">2026年1月<", svg);
        }
        Assert.DoesNotMatch(BriefingPrint.Technical, File.ReadAllText(Path.Combine(outDir, "月度通报_2026-10.md")));
        foreach (var chart in new[] { "chart-trend", "chart-ranking", "chart-heatmap" })
            Assert.Matches($"<svg class=\"chart {chart}\".*?<g class=\"legend\">", dom);
        Assert.Contains("<thead>", Regex.Match(dom, "<table id=\"ranking\">.*?</table>", RegexOptions.Singleline).Value);
    }

    [Fact]
    public void The_xlsx_beside_the_html_holds_every_centers_figures_as_the_html_prints_them_and_every_listed_case()
    {
        _w.Close();
        var outDir = Path.Combine(_w.Root, "reports");
        var run = CliProcess.Run(["report", "monthly", "--month", "2026-10", "--db", _w.DbPath, "--out", outDir, "--no-pdf"],
            environment: new Dictionary<string, string>());
        _w.Reopen();
        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        var rows = BriefingPrint.RankingRows(File.ReadAllText(Path.Combine(outDir, "月度通报_2026-10_草稿.html")));
        var book = BriefingPrint.Workbook(Path.Combine(outDir, "月度通报_2026-10_草稿.xlsx"));
        Assert.Equal(MonthlyWorkbook.SheetNames, book.Keys);

        var sheet = book["各中心运行情况"];
        var header = sheet[0].Select(h => h?.ToString()).ToList();
        Assert.Equal(3, sheet.Count - 1);
        foreach (var line in sheet.Skip(1))
        {
            var code = (string)line[header.IndexOf("中心编码")]!;
            var html = rows[code];
            // HTML columns: 名次, 中心, 受理, 办结, 按期办结率, …, 综合得分 (13th)
            Assert.Equal(html[2], ((double)line[header.IndexOf("受理")]!).ToString("#,0", CultureInfo.InvariantCulture));
            Assert.Equal(html[4], ((double)line[header.IndexOf("按期办结率（%）")]!).ToString("0.0", CultureInfo.InvariantCulture) + "%");
            Assert.Equal(html[12], ((double)line[header.IndexOf("综合得分")]!).ToString("0.0", CultureInfo.InvariantCulture));
            var parts = new[] { "按期办结得分", "回访满意得分", "视频抽查得分", "属实投诉得分" }.Sum(h => (double)line[header.IndexOf(h)]!);
            Assert.Equal((double)line[header.IndexOf("综合得分")]!, parts, 0.25); // parts rounded to 0.1 each
        }
        Assert.Contains(book["超期办件"], r => (string?)r[1] == "LATE1");
        Assert.Contains(book["长期未办结"], r => (string?)r[1] == "OLD1");
        Assert.DoesNotContain(book["超期办件"], r => (string?)r[1] == "OLD1");
        Assert.Contains(book["属实投诉"], r => (string?)r[1] == "P1");
    }

    [Fact]
    public void A_case_due_in_the_month_counts_its_overdue_working_days_up_to_the_months_end_not_to_its_completion()
    {
        var model = Build();
        var late = model.OverdueByCenter.SelectMany(c => c.Cases).Single(c => c.CaseId == "LATE1");
        Assert.Equal("3", late.WorkingDays); // 28, 29, 30 October; completed on 20 November, loaded later still
        Assert.Equal("月末未办结", late.State);
        var open = model.OverdueByCenter.SelectMany(c => c.Cases).Single(c => c.CaseId == "OPEN2");
        Assert.Equal("9", open.WorkingDays); // due 19 October: 20–23 and 26–30 October
    }

    [Fact]
    public void Warnings_are_those_of_the_months_end_even_for_a_case_completed_since()
    {
        var model = Build();
        Assert.Contains("另有 1 件临近办理时限（黄牌预警）", BriefingWording.Overview(model)[0]);
        Assert.Contains("截至月末，超期未办结办件 3 件（其中长期未办结 1 件）", BriefingWording.Overview(model)[0]); // LATE1, OPEN2, OLD1
    }

    [Fact]
    public void A_case_open_long_past_due_is_one_line_in_the_problems_and_listed_only_in_the_annex()
    {
        var model = Build();
        var line = Assert.Single(BriefingWording.Problems(model), p => p.Contains("长期未办结（疑似未及时办结登记）", StringComparison.Ordinal));
        Assert.Contains("茨岩塘镇有 1 件办件超过应办结时间 90 天以上仍未办结", line);
        Assert.DoesNotContain(BriefingWording.Problems(model), p => p.Contains("OLD1", StringComparison.Ordinal));
        Assert.Equal("OLD1", Assert.Single(Assert.Single(model.LongOpenByCenter).Cases).CaseId);
        Assert.DoesNotContain(model.OverdueByCenter.SelectMany(c => c.Cases), c => c.CaseId == "OLD1");
        Assert.Contains(model.Requirements, r => r.StartsWith("茨岩塘镇要对长期未办结的办件逐件核实", StringComparison.Ordinal));
    }

    [Fact]
    public void A_center_with_open_overdue_cases_cannot_show_perfect_timeliness_and_the_ranking_shows_the_rate_the_score_uses()
    {
        var model = Build();
        var c = model.Ranking.Single(r => r.Code == "433130103");
        Assert.Equal("2", c["backlog_overdue"]);
        Assert.Equal("90.9%", c["timeliness_rate"]); // 20 on time ÷ (20 completed + 2 open past due)
        Assert.All(model.Ranking.Where(r => r["backlog_overdue"] != "0"), r => Assert.NotEqual("100.0%", r["timeliness_rate"]));
        var timeliness = _w.Scalar<double>("SELECT timeliness_rate FROM mart_period_center WHERE period_kind = 'month' AND period = DATE '2026-10-01' AND center_code = '433130103'");
        Assert.Equal(ReportText.Percent(timeliness), c["timeliness_rate"]);
    }

    [Fact]
    public void One_upheld_complaint_does_not_swing_a_five_case_center_and_the_formula_note_prints_the_rule()
    {
        var model = Build();
        var small = model.Ranking.Single(r => r.Code == "433130102");
        var lost = 20 - double.Parse(small["points_complaints"], CultureInfo.InvariantCulture);
        Assert.InRange(lost, 0.1, 20.0 / 3); // unshrunk, 1 in 5 cases is 200 per 1,000: the whole 20 points
        Assert.Contains(BriefingWording.FormulaNotes(model), n => n.Contains("向全县水平收缩", StringComparison.Ordinal) && n.Contains("k = 1000 件办件", StringComparison.Ordinal));
    }

    [Fact]
    public void Changing_a_weight_in_the_settings_changes_both_the_score_and_the_printed_formula()
    {
        string ScoreOf(MonthlyBriefing m) => m.Ranking.Single(r => r.Code == "433130101").Score;
        var before = Build();
        Assert.Contains("按期办结率 × 40", BriefingWording.Formula(before));
        Assert.Contains("满分 100 分", BriefingWording.Formula(before));

        _w.Connection.Execute("UPDATE seed_metric_settings SET value = '60' WHERE key = 'composite_weight_timeliness'");
        var after = Build();
        Assert.Contains("按期办结率 × 60", BriefingWording.Formula(after));
        Assert.Contains("满分 120 分", BriefingWording.Formula(after));
        var timeliness = _w.Scalar<double>("SELECT timeliness_score FROM mart_period_center WHERE period_kind = 'month' AND period = DATE '2026-10-01' AND center_code = '433130101'");
        Assert.Equal(double.Parse(ScoreOf(before), CultureInfo.InvariantCulture) + 20 * timeliness,
            double.Parse(ScoreOf(after), CultureInfo.InvariantCulture), 0.1);
    }

    [Fact]
    public void The_document_number_runs_on_through_the_year_and_a_re_rendered_month_keeps_its_number_and_date()
    {
        var draft = Build();
        Assert.True(draft.Form.IsDraft);
        Assert.Equal(("", ""), (draft.Form.DocumentNumber, draft.Form.IssuedOn));
        var first = Issue();
        Assert.Equal("龙政务监〔2026〕1号", first.Form.DocumentNumber);
        Assert.Equal("2026年11月5日", first.Form.IssuedOn);
        Assert.Equal("各乡镇人民政府、街道办事处", first.Form.MainTo);
        Assert.Equal("县委办、县政府办、县纪委监委", first.Form.CopyTo);
        Assert.Equal(["龙山县纪委监委驻县政务服务管理局纪检监察组", "龙山县政务服务管理局"], first.Form.IssuingBodies);

        var again = Issue(now: new DateTime(2026, 11, 20, 9, 0, 0));
        Assert.Equal(("龙政务监〔2026〕1号", "2026年11月5日"), (again.Form.DocumentNumber, again.Form.IssuedOn));
        var renumbered = Issue(new IssueRequest("龙政务监〔2026〕15号"));
        Assert.Equal("龙政务监〔2026〕15号", renumbered.Form.DocumentNumber);
        Assert.Equal("龙政务监〔2026〕15号", Issue().Form.DocumentNumber);
        // The sequence runs on after the number given by hand; a number another month carries is refused.
        var september = Issue(month: new DateOnly(2026, 9, 1)); // September has the long-open case, so it can be briefed
        Assert.Equal("龙政务监〔2026〕16号", september.Form.DocumentNumber);
        var taken = Assert.Throws<ReportException>(() => Issue(new IssueRequest("龙政务监〔2026〕１６号")));
        Assert.Contains("已用于 2026 年 9 月的月度通报", taken.Message);
    }
}

/// <summary>`report monthly` without --month briefs the month just ended, by the calendar.</summary>
public class MonthlyDefaultMonthTests
{
    [Fact]
    public void Without_a_month_the_cli_briefs_the_month_just_ended()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        w.WriteCsv("cases.csv", $"""
            case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status
            A,511922001,W001,I05,承诺件,窗口,{lastMonth:yyyy-MM}-10 09:00,{lastMonth:yyyy-MM}-10 15:00,已办结
            """);
        w.Ingest();
        w.Close();
        var run = CliProcess.Run(["report", "monthly", "--db", w.DbPath, "--out", Path.Combine(w.Root, "out"), "--no-pdf"],
            environment: new Dictionary<string, string>());
        w.Reopen();
        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        Assert.True(File.Exists(Path.Combine(w.Root, "out", $"月度通报_{lastMonth:yyyy-MM}_草稿.html")), run.StdOut);
        Assert.Contains($"关于{lastMonth.Year}年{lastMonth.Month}月全县", File.ReadAllText(Path.Combine(w.Root, "out", $"月度通报_{lastMonth:yyyy-MM}_草稿.html")));
    }
}
