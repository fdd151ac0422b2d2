using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Oversight.Reports;
using Oversight.Reports.Figures;
using Oversight.Reports.Monthly;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Oversight.Tests.Reports;

/// <summary>The figure catalogue (report-templates/figures.json): each format and direction, a mistake named, and a
/// figure added in a county's copy of the catalogue reaching every writer of the monthly briefing.</summary>
public class FigureCatalogueTests
{
    private static readonly ChangeWords Shipped = FigureCatalogue.Load(new TemplateFolder()).ChangeWords;

    private static Figure Of(FigureFormat format, Direction direction = Direction.Neutral, string unit = "") =>
        new("x", "某指标", "某指标", format, direction, unit, null, Shipped);

    [Fact]
    public void Each_format_prints_its_value_and_its_change_as_the_briefing_always_has()
    {
        Assert.Equal(("1,235", "↑35（+2.9%）"), (Of(FigureFormat.Count).Show(1234.6), Of(FigureFormat.Count).ShowChange(1235, 1200)));
        Assert.Equal(("95.2%", "↓1.3个百分点"), (Of(FigureFormat.Percent).Show(0.9523), Of(FigureFormat.Percent).ShowChange(0.9523, 0.9653)));
        Assert.Equal(("2.5", "↑0.3"), (Of(FigureFormat.Per1000).Show(2.46), Of(FigureFormat.Per1000).ShowChange(2.8, 2.5)));
        Assert.Equal(("87.4", "持平"), (Of(FigureFormat.Score).Show(87.44), Of(FigureFormat.Score).ShowChange(87.44, 87.42)));
        Assert.Equal(("↓1.2", "持平"), (Of(FigureFormat.Change).Show(-1.24), Of(FigureFormat.Change).Show(0.01)));
        Assert.Equal(("2.5", "3"), (Of(FigureFormat.Days).Show(2.5), Of(FigureFormat.Days).Show(3)));
        Assert.Equal("—", Of(FigureFormat.Percent).Show(null));
        Assert.Equal("12 件", Of(FigureFormat.Count, unit: "件").WithUnit(12));
        // The workbook cell is the number the document prints; a change stays text.
        Assert.Equal(95.2, Of(FigureFormat.Percent).Cell(0.9523));
        Assert.Equal("↑1.2", Of(FigureFormat.Change).Cell(1.2));
        Assert.Equal("按期办结率（%）", new Figure("t", "按期办结率", "按期办结率", FigureFormat.Percent, Direction.HigherIsBetter, "", null, Shipped).SheetHeader);
    }

    [Fact]
    public void A_rise_is_good_news_only_for_a_figure_where_higher_is_better()
    {
        Assert.Equal("good", Of(FigureFormat.Percent, Direction.HigherIsBetter).Trend(0.9, 0.8));
        Assert.Equal("bad", Of(FigureFormat.Count, Direction.LowerIsBetter).Trend(5, 3));
        Assert.Equal("good", Of(FigureFormat.Count, Direction.LowerIsBetter).Trend(3, 5));
        Assert.Equal("flat", Of(FigureFormat.Count, Direction.Neutral).Trend(5, 3));
        Assert.Equal("flat", Of(FigureFormat.Count, Direction.HigherIsBetter).Trend(5, null));
    }

    [Fact]
    public void The_shipped_catalogue_names_the_composite_parts_in_order_and_a_mistake_is_named()
    {
        var shipped = FigureCatalogue.Load(new TemplateFolder());
        Assert.Equal(["timeliness_rate", "satisfaction_rate", "violation_rate", "complaints_upheld"], shipped.CompositeInputs.Select(f => f.Key));
        Assert.Equal(Direction.LowerIsBetter, shipped["violation_rate"].Direction);

        using var dir = new TempDir();
        var figures = Catalogue();
        figures["figures"]![0]!["format"] = "fraction";
        var county = Write(dir.Path, figures);
        var error = Assert.Throws<ReportException>(() => FigureCatalogue.Load(new TemplateFolder(null, county)));
        Assert.Contains("cases_accepted", error.Message);
        Assert.Contains("fraction", error.Message);

        figures = Catalogue();
        ((JsonArray)figures["tables"]!["monthly.ranking"]!).Add("no_such_figure");
        error = Assert.Throws<ReportException>(() => FigureCatalogue.Load(new TemplateFolder(null, Write(dir.Path, figures))));
        Assert.Contains("no_such_figure", error.Message);
    }

    [Fact]
    public void A_county_copy_made_before_a_release_added_a_table_or_figure_gets_them_from_the_shipped_file_and_keeps_its_own()
    {
        using var dir = new TempDir();
        var figures = Catalogue();
        ((JsonObject)figures["tables"]!).Remove("monthly.center"); // as a copy taken before the township packs had a spec
        ((JsonObject)figures).Remove("assessment_tables");
        var ranking = (JsonArray)figures["tables"]!["monthly.ranking"]!;
        ranking.RemoveAt(ranking.Count - 1);
        var first = figures["figures"]![0]!;
        first["header"] = "本县受理数";
        var key = first["key"]!.GetValue<string>();
        var figuresArray = (JsonArray)figures["figures"]!;
        var lastKey = figuresArray[^1]!["key"]!.GetValue<string>();
        figuresArray.RemoveAt(figuresArray.Count - 1); // a figure added after the copy was made, which a shipped table prints

        var shipped = FigureCatalogue.Load(new TemplateFolder());
        var county = FigureCatalogue.Load(new TemplateFolder(null, Write(dir.Path, figures)));

        static IEnumerable<string> Columns(IReadOnlyList<ColumnSpec> t) => t.Select(c => string.Join('/', c.Figures.Select(f => f.Key)) + c.Fixed);
        Assert.Equal(Columns(shipped.Table("monthly.center")), Columns(county.Table("monthly.center")));
        Assert.NotEmpty(county.Table("assessment.ranking"));
        Assert.Equal(shipped.Table("monthly.ranking").Count - 1, county.Table("monthly.ranking").Count); // its own spec stands
        Assert.Equal("本县受理数", county[key].Header);
        Assert.True(county.Contains(lastKey));
    }

    /// <summary>The proof the issue asks for: 按时办结率 (on_time_rate, ÷ completed; computed by the marts, never printed)
    /// is added to a county's copy of the catalogue and to the ranking's specs, and shows in HTML, Markdown, DOCX and
    /// XLSX with its value, beside the 按期办结率 it differs from.</summary>
    [Fact]
    public void A_figure_added_to_the_catalogue_and_the_ranking_spec_shows_in_html_markdown_docx_and_xlsx()
    {
        using var w = new TestWarehouse();
        w.WriteCsv("centers.csv", """
            center_code,center_name,county_code,kind,population
            433130101,民安街道,433130,街道,60000
            433130102,石牌镇,433130,镇,8000
            """);
        w.WriteCsv("windows.csv", """
            window_code,center_code,window_name,category
            W1,433130101,综合窗口,综合
            W2,433130102,综合窗口,综合
            """);
        w.WriteCsv("items.csv", """
            item_code,item_name,item_kind,promised_days
            I05,低保申请,行政给付,5
            """);
        var cases = new StringBuilder("case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status\n");
        // 民安街道: 10 completed, one of them late, and one open past due: 按时 9/10 = 90.0%, 按期 9/11 = 81.8%.
        for (var i = 0; i < 9; i++) cases.Append(CultureInfo.InvariantCulture, $"A{i},433130101,W1,I05,承诺件,窗口,2026-10-12 09:00,2026-10-13 10:00,已办结\n");
        cases.Append("LATE,433130101,W1,I05,承诺件,窗口,2026-10-12 09:00,2026-10-28 10:00,已办结\n");
        cases.Append("OPEN,433130101,W1,I05,承诺件,窗口,2026-10-12 09:00,,办理中\n");
        for (var i = 0; i < 4; i++) cases.Append(CultureInfo.InvariantCulture, $"B{i},433130102,W2,I05,承诺件,窗口,2026-10-13 09:00,2026-10-14 10:00,已办结\n");
        w.WriteCsv("cases.csv", cases.ToString());
        w.Ingest();

        var figures = Catalogue();
        ((JsonArray)figures["figures"]!).Add(new JsonObject
        {
            ["key"] = "on_time_rate", ["name"] = "按时办结率", ["format"] = "percent", ["direction"] = "higher_is_better",
        });
        ((JsonArray)figures["tables"]!["monthly.ranking"]!).Add("on_time_rate");
        ((JsonArray)figures["tables"]!["monthly.ranking.sheet"]!).Add("on_time_rate");
        var templates = new TemplateFolder(null, Write(w.Root, figures));

        var briefing = MonthlyBriefingBuilder.Build(w.Connection, Oversight.Calendar.Month.Of(2026, 10), ReportSettings.Load(templates), new DateTime(2026, 11, 5, 9, 0, 0));
        var files = MonthlyReport.Write(templates, briefing, Path.Combine(w.Root, "out"), "b", pdf: false);

        var html = BriefingPrint.RankingRows(File.ReadAllText(files.Report.Html))["433130101"];
        Assert.Contains("<th class=\"num\">按时办结率</th>", File.ReadAllText(files.Report.Html));
        Assert.Equal(("81.8%", "90.0%"), (html[4], html[^1]));

        var markdown = File.ReadAllLines(files.Report.Markdown);
        var header = markdown.First(l => l.StartsWith("| 名次 |", StringComparison.Ordinal));
        Assert.EndsWith("| 较上月 | 按时办结率 |", header);
        Assert.Contains(markdown, l => l.Contains("民安街道") && l.EndsWith("| 90.0% |", StringComparison.Ordinal));

        using (var doc = WordprocessingDocument.Open(files.Report.Docx!, false))
        {
            var table = doc.MainDocumentPart!.Document!.Body!.Descendants<Word.Table>()
                .Single(t => t.Descendants<Word.TableRow>().First().InnerText.StartsWith("名次", StringComparison.Ordinal));
            var rows = table.Elements<Word.TableRow>().Select(r => r.Elements<Word.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            Assert.Equal("按时办结率", rows[0][^1]);
            Assert.Equal("90.0%", rows.Single(r => r[1].StartsWith("民安街道", StringComparison.Ordinal))[^1]);
        }

        var sheet = BriefingPrint.Workbook(files.Xlsx)["各中心运行情况"];
        var column = sheet[0].Select(h => h?.ToString()).ToList().IndexOf("按时办结率（%）");
        Assert.True(column >= 0, "按时办结率（%） 不在工作表表头中");
        Assert.Equal(90.0, (double)sheet.Single(r => (string?)r[1] == "433130101")[column]!);
    }

    [Fact]
    public void A_county_copy_gives_the_change_words_it_rewords_and_takes_the_others_from_the_shipped_file()
    {
        Assert.Equal(new ChangeWords("↑", "↓", "持平", "个百分点"), Shipped);

        using var dir = new TempDir();
        var figures = Catalogue();
        figures["change_words"] = new JsonObject { ["flat"] = "无变化" };
        var county = FigureCatalogue.Load(new TemplateFolder(null, Write(dir.Path, figures)));
        Assert.Equal(new ChangeWords("↑", "↓", "无变化", "个百分点"), county.ChangeWords);
        // Every figure prints its change in the catalogue's words.
        Assert.Equal("无变化", county["cases_accepted"].ShowChange(12, 12));
        Assert.Equal("↑1.5个百分点", county["timeliness_rate"].ShowChange(0.965, 0.95));
        Assert.Equal("无变化", county["score_change"].Show(0.01));

        // A shipped file without the words is a mistake that names them.
        ((JsonObject)figures).Remove("change_words");
        var error = Assert.Throws<ReportException>(() => FigureCatalogue.Load(new TemplateFolder(Write(dir.Path, figures))));
        Assert.Contains("change_words", error.Message);
        Assert.Contains("up", error.Message);
    }

    /// <summary>Through the real program: a county's copy of figures.json rewording 持平 and 个百分点 changes the 通报's
    /// tables in HTML, Markdown and Word; a copy made before the file had change_words prints the shipped words.</summary>
    [Fact]
    public void A_county_copy_rewording_the_change_words_changes_the_briefings_tables_and_an_older_copy_prints_the_shipped_ones()
    {
        using var dir = new TempDir();
        // February: one case completed late (按期办结率 0.0%); March: one on time (100.0%). The same count, a rate up 100 points.
        var db = OneMarchWarehouse.Build(dir, "C0,511922001,W001,I05,承诺件,2026-02-02 09:00,2026-02-27 10:00,已办结");
        var copy = Path.Combine(dir.Path, "county-config", "report-templates", FigureCatalogue.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);

        var figures = Catalogue();
        figures["change_words"]!["flat"] = "无变化";
        figures["change_words"]!["points"] = "个点";
        File.WriteAllText(copy, figures.ToJsonString());
        foreach (var cells in Cells(dir, db))
        {
            Assert.Contains("无变化", cells);
            Assert.Contains("↑100.0个点", cells);
            Assert.DoesNotContain("持平", cells);
            Assert.DoesNotContain("↑100.0个百分点", cells);
        }

        ((JsonObject)figures).Remove("change_words");
        File.WriteAllText(copy, figures.ToJsonString());
        foreach (var cells in Cells(dir, db))
        {
            Assert.Contains("持平", cells);
            Assert.Contains("↑100.0个百分点", cells);
        }
    }

    /// <summary>The March 2026 通报's table cells, once per format (HTML, Markdown, Word), as `report monthly` prints them.</summary>
    private static IEnumerable<HashSet<string>> Cells(TempDir dir, string db)
    {
        var outDir = dir.File("out-" + Guid.NewGuid().ToString("N")[..8]);
        var run = CliProcess.Run(["report", "monthly", "--db", db, "--month", "2026-03", "--out", outDir, "--no-pdf"]);
        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        string Read(string ext) => Directory.GetFiles(outDir, "月度通报_*" + ext).Single();
        yield return System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Read(".html")), "<td[^>]*>([^<]*)</td>")
            .Select(m => m.Groups[1].Value).ToHashSet();
        yield return File.ReadAllLines(Read(".md")).Where(l => l.StartsWith('|')).SelectMany(l => l.Split('|')).Select(c => c.Trim()).ToHashSet();
        using var doc = WordprocessingDocument.Open(Read(".docx"), false);
        yield return doc.MainDocumentPart!.Document!.Body!.Descendants<Word.TableCell>().Select(c => c.InnerText).ToHashSet();
    }

    private static JsonNode Catalogue() =>
        JsonNode.Parse(File.ReadAllText(new TemplateFolder().PathOf(FigureCatalogue.FileName)),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;

    /// <summary>A county templates folder holding only its own figures.json; everything else falls back to the shipped files.</summary>
    private static string Write(string root, JsonNode figures)
    {
        var county = Path.Combine(root, "county-templates-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(county);
        File.WriteAllText(Path.Combine(county, FigureCatalogue.FileName), figures.ToJsonString());
        return county;
    }
}
