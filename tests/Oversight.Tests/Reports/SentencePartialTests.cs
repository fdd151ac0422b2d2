using DocumentFormat.OpenXml.Packaging;
using Oversight.Assessment;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Reports.Monthly;

namespace Oversight.Tests.Reports;

/// <summary>The sentences a reader sees are written once, in a partial the HTML, Markdown and Word templates include;
/// a county's copy of the partial in its county folder changes all three, through the real program, without rebuilding.</summary>
public sealed class SentencePartialTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Shipped(string relative) => Path.Combine(AppContext.BaseDirectory, "report-templates", relative);

    [Fact]
    public void A_county_copy_of_the_sentences_partial_rewords_the_html_markdown_and_word_briefing_its_title_annexes_and_headers()
    {
        var db = OneMarchWarehouse.Build(_dir);
        var partial = Path.Combine(_dir.Path, "county-config", "report-templates", "monthly", "sentences.sbn");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        var shipped = File.ReadAllText(Shipped("monthly/sentences.sbn"));
        File.WriteAllText(partial, shipped
            .Replace("各中心未发现超期办件", "各中心均未发现（本县措辞）超期办件", StringComparison.Ordinal)
            .Replace("便民服务中心共受理办件", "便民服务中心合计受理（本县措辞）办件", StringComparison.Ordinal)
            // The title, an annex's title and a column header the program lays out are the partial's too.
            .Replace("运行情况的通报{{~ end ~}}", "运行情况的通报（本县标题）{{~ end ~}}", StringComparison.Ordinal)
            .Replace("综合得分计算方法及数据说明", "计分方法（本县措辞）", StringComparison.Ordinal)
            .Replace("\"changePrevious\" ~}}环比", "\"changePrevious\" ~}}较上月（本县措辞）", StringComparison.Ordinal));
        var outDir = _dir.File("out");

        var run = CliProcess.Run(["report", "monthly", "--db", db, "--month", "2026-03", "--out", outDir, "--no-pdf"]);
        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);

        string Read(string ext) => Directory.GetFiles(outDir, "月度通报_*" + ext).Single();
        string Word(string path)
        {
            using var doc = WordprocessingDocument.Open(path, false);
            return string.Concat(doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
        }
        foreach (var text in new[] { File.ReadAllText(Read(".html")), File.ReadAllText(Read(".md")), Word(Read(".docx")) })
        {
            Assert.Contains("1. 2026年3月各中心均未发现（本县措辞）超期办件、属实投诉", text);
            Assert.Contains("1 个乡镇（街道）便民服务中心合计受理（本县措辞）办件 1 件", text);
            Assert.DoesNotContain("各中心未发现超期办件", text);
            Assert.Contains("关于2026年3月全县乡镇便民服务中心运行情况的通报（本县标题）", text);
            Assert.Contains("计分方法（本县措辞）", text);
            Assert.Contains("较上月（本县措辞）", text);
            Assert.DoesNotContain("综合得分计算方法及数据说明", text);
        }
    }

    [Fact]
    public void The_monthly_annual_and_inspection_templates_hold_no_sentence_of_their_partials()
    {
        // A few words from each kind of sentence: they are in the partial and in no format's template.
        var sentences = new Dictionary<string, string[]>
        {
            ["monthly"] = ["共受理办件", "核查属实（含部分属实）", "长期未办结（疑似未及时办结登记）", "明显高于全县", "上月交办整改问题",
                "计分比率 =", "为加强对乡镇（街道）便民服务中心的日常监督"],
            ["annual"] = ["取消评先资格", "排名稳定性", "提出书面复核申请", "年全年四个季度", "阶段性结果", "扣分超过基础分", "本季度取消评优评先资格"],
            ["inspection"] = ["为防止暗访规律被掌握", "上月已列入且线索未变化", "本提示仅限收件人阅读"],
        };
        foreach (var (folder, words) in sentences)
        {
            var partial = File.ReadAllText(Shipped($"{folder}/sentences.sbn"));
            foreach (var word in words) Assert.Contains(word, partial);
            foreach (var template in Directory.GetFiles(Shipped(folder), "*.sbn").Where(f => !f.EndsWith("sentences.sbn", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(template);
                Assert.Contains($"include '{folder}/sentences.sbn'", text);
                foreach (var word in words) Assert.False(text.Contains(word, StringComparison.Ordinal), $"{Path.GetFileName(template)} repeats “{word}”");
            }
        }
    }

    [Fact]
    public void Every_kind_of_problem_line_is_worded_in_every_format()
    {
        // Kinds reach the template escaped like any string (Markdown escapes "_"), so each must still pick its sentence.
        var versus = new Comparison("lower", "95.0%");
        ProblemLine[] lines =
        [
            new EmptyHallLine("1", "甲镇", "4", "3"), new OverdueLine("1", "甲镇", "90.0%", versus, "2", "3", "1"),
            new LongOpenLine("1", "甲镇", "2", "90", "2026年1月5日", "3"), new ComplaintsLine("1", "甲镇", "5", "2", "态度", "1.5", versus),
            new VideoLine("1", "甲镇", "8", "离岗", "2", "25.0%", versus), new BackfillLine("1", "甲镇", "20", "12", "48", "60.0%", "5.0%"),
            new BadRatingLine("1", "甲镇", "2", "2", "15", "0.0%", versus), new SatisfactionLine("1", "甲镇", "80.0%", "30", versus),
        ];
        var templates = new TemplateFolder();
        foreach (var escape in new Func<string, string>[] { TextEscaping.Html, TextEscaping.Markdown, TextEscaping.Xml })
            foreach (var line in lines)
            {
                var text = templates.RenderText("{{ include 'monthly/sentences.sbn' }}{{ problem_line line }}", new { Line = line }, escape).Trim();
                Assert.StartsWith("甲镇", text);
                Assert.EndsWith("。", text);
            }
    }

    [Fact]
    public void Every_kind_of_line_note_and_reason_not_to_honour_is_worded_and_a_year_groups_a_reason_by_its_heading()
    {
        LineNote[] notes =
        [
            new KindNote("计入“超期率”比率"),
            new RateNote("超期率", "10", true, "办结", "200", "5", "percentage_point", null, "5", false, "3", "above", "2"),
            new RateNote("超期工作日", "12.5", false, "办结", "0", null, "per_case", "30", "0.4", true, "0.5", "below", "0.1"),
            new RateNote("属实投诉", "1", true, "办件", "500", "2", "per_1000", null, "2", false, "2", "level", "0"),
            new VetoRateNote("吃拿卡要", "2", "办件", "1000", "2", "per_1000", "1", "0.3", true),
            new CapPerRecordNote("-10"), new CapPerQuarterNote("-15"), new AdditionCapPerRuleNote("5"),
            new PartUsedUpNote("思想品德", "10", "-4"), new AdditionsCapNote("20", "10"),
            new AppealNote("withdraw", 3, "李四", "2025-04-03", "不属实", "1", "0"), new AppealNote("keep", 4, "李四", "2025-04-03", "属实", "1", "1"),
            new AppealNote("change", 5, "李四", "2025-04-03", "节假日", "4", "2"),
        ];
        Ineligibility[] reasons =
        [
            new EmptyHallReason("6", "5"), new BackfilledReason("40", "30", "48"), new FewPerResidentReason("1.2", "3"),
            new FewPerWindowReason("4.5", "10"), new SmallSampleReason("12", "30"), new LowScoreReason("85", "90"),
            new EmptyHallReason("6", "5") { AtCenter = true },
        ];
        var templates = new TemplateFolder();
        var lines = AssessmentWording.LineCells(templates, notes.Select((n, i) => new ScoreLine("A", 1, new DateOnly(2025, 1, 1), "办件", $"C{i}",
            "r", "规则", 1, -1, [n], n is AppealNote a ? new Appeal(a.AppealId, a.Action, a.Reason, a.Approver, new DateOnly(2025, 4, 3)) : null)).ToList());
        string[] expected =
        [
            "计入“超期率”比率",
            "超期率 10 件 ÷ 办结 200 件 = 5%；全县 3%；高出 2 个百分点",
            "超期工作日 12.5 ÷ 办结 0 件 = 无；按信度权重 30 件向全县值收缩后 0.4/件；目标 0.5/件；低于参照值 0.1/件，相应加分",
            "属实投诉 1 件 ÷ 办件 500 件 = 2‰；全县 2‰；未高于参照值，不扣分",
            "吃拿卡要 2 ÷ 办件 1000 件 = 2‰；否决线 1‰（全县 0.3‰）；超过否决线，取消本季度评优评先资格",
            "单条封顶 -10 分", "已达本项每季度上限 -15 分", "本项加分最多 +5 分", "“思想品德”部分 10 分已扣完（扣完为止），本条原应 -4 分",
            "已达每季度加分上限 +20 分，本条原应 +10 分", "经复核撤销（第 3 号，李四 2025-04-03 批准：不属实）",
            "经复核维持原结论（第 4 号，李四 2025-04-03：属实）", "经复核由 4 改为 2（第 5 号，李四 2025-04-03 批准：节假日）",
        ];
        Assert.Equal(expected, lines.Select(l => l.Note));
        Assert.Equal(["第 3 号复核：撤销", "第 4 号复核：维持原结论", "第 5 号复核：更正数量"], lines.Select(l => l.Appeal).Where(a => a != ""));
        // A line's notes are joined in their order.
        var joined = AssessmentWording.LineCells(templates, [new ScoreLine("A", 1, new DateOnly(2025, 1, 1), "办件", "C", "r", "规则", 1, -1,
            [notes[0], notes[5]])]);
        Assert.Equal(("计入“超期率”比率；单条封顶 -10 分", ""), joined.Single());

        // A year's reason held in some quarters is the quarters and the heading, which is what a quarter's sentence opens with.
        var rows = reasons.Select(r => new RankCells(1, false, [], [r]))
            .Concat(reasons.Select(r => new RankCells(1, false, [], [new InQuarters(r.Group, ["第一季度", "第三季度"]) { AtCenter = r.AtCenter }])))
            .Append(new RankCells(2, true, ["第二季度"], [])).ToList();
        var cells = AssessmentWording.RankingCells(templates, rows);
        for (var i = 0; i < reasons.Length; i++)
        {
            var (quarter, year) = (cells[i][2], cells[reasons.Length + i][2]);
            Assert.StartsWith("第一季度、第三季度", year);
            Assert.StartsWith(year["第一季度、第三季度".Length..] + "：", quarter);
        }
        Assert.Equal(["空壳大厅嫌疑：视频抽查 6 次中 5 次无人在岗", "补录造假嫌疑：40 件办件中 30 件超过 48 小时才录入",
            "办件量过少：每千名户籍人口 1.2 件，低于 3 件", "办件量过少：每个窗口 4.5 件，低于 10 件", "样本不足：本季度经办办件 12 件，少于 30 件，不参加评优",
            "低于评优最低分：85 分，低于 90 分", "所在中心空壳大厅嫌疑：视频抽查 6 次中 5 次无人在岗"], cells.Take(reasons.Length).Select(c => c[2]));
        Assert.Equal("第一季度、第三季度所在中心空壳大厅嫌疑", cells[2 * reasons.Length - 1][2]);
        Assert.Equal("样本不足：本季度经办办件 12 件，少于 30 件，不参加评优；低于评优最低分：85 分，低于 90 分",
            AssessmentWording.RankingCells(templates, [new RankCells(1, false, [], [reasons[4], reasons[5]])]).Single()[2]);
        Assert.Equal(["并列2", "第二季度取消评优评先资格", ""], cells[^1]);
    }
}
