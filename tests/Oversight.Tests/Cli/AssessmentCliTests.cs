namespace Oversight.Tests.Cli;

/// <summary>`report annual`, `report staff` and `appeal add` in a child process, as a county user runs them.</summary>
public class AssessmentCliTests
{
    private static TestWarehouse County()
    {
        var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("staff.csv", "staff_id,staff_name,center_code,window_code\nS1,张三,511922001,W001\nS2,李四,511922101,W101\n");
        w.WriteCsv("cases.csv", """
            case_id,center_code,window_code,staff_id,item_code,case_type,accepted_at,completed_at,status
            A,511922001,W001,S1,I05,承诺件,2026-07-06 09:00,2026-07-20 10:00,已办结
            B,511922101,W101,S2,I00,即办件,2026-08-04 10:00,2026-08-04 10:10,已办结
            """);
        w.WriteCsv("考核记录.csv", "记录编号,发生日期,中心编码,窗口编码,工号,类别\nE1,2026-08-05,511922101,W101,S2,迟到早退\n");
        w.Ingest();
        w.Close();
        return w;
    }

    /// <summary>The text of a Word document's body.</summary>
    private static string Word(string path)
    {
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false);
        return string.Concat(doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
    }

    /// <summary>The XML of a workbook's sheet (its strings are inline).</summary>
    private static string Sheet(string path, int sheet)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry($"xl/worksheets/sheet{sheet}.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void A_year_without_data_is_refused_in_chinese_with_exit_code_1_and_no_report()
    {
        using var w = County();
        var result = CliProcess.Run(["report", "annual", "--db", w.DbPath, "--year", "2023", "--no-pdf", "--out", Path.Combine(w.Root, "out")], w.Root);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("2023年度没有任何数据", result.StdErr);
        Assert.False(Directory.Exists(Path.Combine(w.Root, "out")) && Directory.EnumerateFiles(Path.Combine(w.Root, "out")).Any());
        var quarter = CliProcess.Run(["report", "annual", "--db", w.DbPath, "--quarter", "2026-7", "--no-pdf"], w.Root);
        Assert.Equal(1, quarter.ExitCode);
        Assert.Contains("季度“2026-7”格式不对", quarter.StdErr);
    }

    [Fact]
    public void The_staff_report_for_a_quarter_scores_every_active_member_and_a_late_appeal_needs_an_approver()
    {
        using var w = County();
        var out1 = Path.Combine(w.Root, "out");
        var staff = CliProcess.Run(["report", "staff", "--db", w.DbPath, "--quarter", "2026Q3", "--no-pdf", "--out", out1], w.Root);
        Assert.True(staff.ExitCode == 0, staff.StdErr);
        Assert.Contains("2 个工作人员", staff.StdOut);
        var md = File.ReadAllText(Directory.GetFiles(out1, "窗口工作人员考核_2026年第三季度_*_草稿.md").Single());
        Assert.Contains("E1", md);
        Assert.Contains("张三", md);

        var annual = CliProcess.Run(["report", "annual", "--db", w.DbPath, "--quarter", "2026Q3", "--no-pdf", "--out", out1, "--issue"], w.Root);
        Assert.True(annual.ExitCode == 0, annual.StdErr);
        var deadline = System.Text.RegularExpressions.Regex.Match(annual.StdOut, @"公示期自 \S+ 起至 (\d{4}-\d{2}-\d{2})").Groups[1].Value;
        Assert.NotEmpty(deadline);
        var after = DateOnly.Parse(deadline).AddDays(3).ToString("yyyy-MM-dd");

        string[] appeal = ["appeal", "add", "--db", w.DbPath, "--source", "考核记录", "--record", "E1", "--reason", "当日请假", "--approver", "县政务服务管理局 王五", "--date", after];
        var late = CliProcess.Run(appeal, w.Root);
        Assert.Equal(1, late.ExitCode);
        Assert.Contains("已超过公示期", late.StdErr);
        Assert.Contains($"须在 {deadline}（含）前提出", late.StdErr);
        var approved = CliProcess.Run([.. appeal, "--late-approved-by", "县政务服务管理局局长 赵六"], w.Root);
        Assert.True(approved.ExitCode == 0, approved.StdErr);
        Assert.Contains("已登记第 1 号复核", approved.StdOut);
    }

    [Fact]
    public void A_county_copy_of_the_catalogue_and_the_annual_partial_changes_a_column_header_and_a_method_note_in_every_format()
    {
        using var w = County();
        var templates = Path.Combine(Path.GetDirectoryName(w.DbPath)!, "county-config", "report-templates");
        Directory.CreateDirectory(Path.Combine(templates, "annual"));
        string Shipped(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "report-templates", relative));
        // The catalogue's assessment section is the only place the ranking's headers are written (documents and workbook).
        File.WriteAllText(Path.Combine(templates, "figures.json"), Shipped("figures.json")
            .Replace("\"header\": \"不参加评优的原因\"", "\"header\": \"不评优原因（本县）\"", StringComparison.Ordinal)
            .Replace("{ \"field\": \"head\", \"header\": \"乡镇长\" }", "{ \"field\": \"head\", \"header\": \"乡镇长（本县）\" }", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(templates, "annual", "sentences.sbn"), Shipped("annual/sentences.sbn")
            .Replace("按下列规则逐条扣分、加分", "按下列规则（本县措辞）逐条扣分、加分", StringComparison.Ordinal));
        var outDir = Path.Combine(w.Root, "out");

        var run = CliProcess.Run(["report", "annual", "--db", w.DbPath, "--quarter", "2026Q3", "--no-pdf", "--out", outDir], w.Root);
        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);

        string Read(string ext) => Directory.GetFiles(outDir, "乡镇长考核_*" + ext).Single();
        var (html, md, docx, xlsx) = (File.ReadAllText(Read(".html")), File.ReadAllText(Read(".md")), Word(Read(".docx")), Sheet(Read(".xlsx"), 1));
        foreach (var text in new[] { html, md, docx })
        {
            Assert.Contains("按下列规则（本县措辞）逐条扣分、加分", text);
            Assert.Contains("乡镇长（本县）", text);
        }
        Assert.Contains("乡镇长（本县）", xlsx);
        Assert.Contains("<th>不评优原因（本县）</th>", html);
        Assert.Contains("| 不评优原因（本县） |", md);
        Assert.DoesNotContain("不参加评优的原因", html + md);
    }

    [Fact]
    public void A_county_copy_of_the_annual_partial_rewords_a_line_note_and_the_coverage_in_every_format_the_workbook_and_the_command_line()
    {
        using var w = County();
        var appeal = CliProcess.Run(["appeal", "add", "--db", w.DbPath, "--source", "考核记录", "--record", "E1", "--keep", "--reason", "确有迟到",
            "--approver", "县政务服务管理局 王五", "--date", "2026-09-01"], w.Root);
        Assert.True(appeal.ExitCode == 0, appeal.StdErr);
        var partial = Path.Combine(Path.GetDirectoryName(w.DbPath)!, "county-config", "report-templates", "annual", "sentences.sbn");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "report-templates", "annual", "sentences.sbn"));
        File.WriteAllText(partial, shipped
            .Replace("经复核维持原结论（第 {{ n.appeal_id }} 号", "复核后维持（本县措辞）（第 {{ n.appeal_id }} 号", StringComparison.Ordinal)
            .Replace("，数据截至 {{ c.last_day }}", "，数据统计到（本县措辞）{{ c.last_day }}", StringComparison.Ordinal)
            .Replace("阶段性结果：", "阶段性结果（本县措辞）：", StringComparison.Ordinal));
        var outDir = Path.Combine(w.Root, "out");

        var run = CliProcess.Run(["report", "staff", "--db", w.DbPath, "--quarter", "2026Q3", "--no-pdf", "--out", outDir], w.Root);
        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);

        string Read(string ext) => Directory.GetFiles(outDir, "窗口工作人员考核_*" + ext).Single();
        var documents = new[] { File.ReadAllText(Read(".html")), File.ReadAllText(Read(".md")), Word(Read(".docx")) };
        foreach (var text in documents)
        {
            Assert.Contains("复核后维持（本县措辞）（第 1 号，县政务服务管理局 王五 2026-09-01：确有迟到）", text);
            Assert.Contains("第 1 号复核：维持原结论", text);
            Assert.Contains("2026 年第三季度，数据统计到（本县措辞）2026-08-05", text);
            Assert.Contains("阶段性结果（本县措辞）：本季度", text);
            Assert.DoesNotContain("数据截至", text);
        }
        Assert.Contains("复核后维持（本县措辞）（第 1 号", Sheet(Read(".xlsx"), 2)); // 逐条计分
        // The command line prints the same words: one wording, the county's.
        Assert.Contains("2026 年第三季度，数据统计到（本县措辞）2026-08-05：2 个工作人员", run.StdOut);
        Assert.Contains("阶段性结果（本县措辞）：本季度", run.StdOut);
    }
}
