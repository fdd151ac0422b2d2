using DocumentFormat.OpenXml.Packaging;
using Oversight.Reports;
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
            ["annual"] = ["取消评先资格", "排名稳定性", "提出书面复核申请"],
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
}
