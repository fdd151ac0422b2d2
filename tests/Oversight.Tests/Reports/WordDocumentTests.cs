using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Wordprocessing;
using Oversight.Assessment;
using Oversight.Jobs;
using Oversight.Privacy;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Reports.Docx;
using Oversight.Reports.Inspection;
using Oversight.Reports.Issuing;
using Oversight.Reports.Monthly;
using Oversight.Tests.Demo;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Oversight.Tests.Reports;

/// <summary>The Word documents and workbooks of the demo county's reports, opened with the OpenXml library and checked
/// against GB/T 9704-2012, then laid out by LibreOffice and read back page by page.</summary>
public class WordDocumentTests(DemoCountyFixture demo) : IClassFixture<DemoCountyFixture>
{
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly DateTime Now = new(2026, 11, 24, 6, 0, 0);

    private string Out(string name) => Path.Combine(demo.Warehouse.Root, "word-" + name);

    /// <summary>Each document is written once and read by every test that checks it (none changes the class's warehouse
    /// in a way the others read: the inspection plan goes to its own restricted folder).</summary>
    private static readonly Once Written = new();

    /// <summary>Laid out as issued (a 文号 and 成文日期) without taking a number in the shared demo warehouse.</summary>
    private MonthlyReport.Files Monthly() => Written.Get("monthly", () =>
    {
        var settings = ReportSettings.Load(new TemplateFolder());
        var draft = MonthlyBriefingBuilder.Build(demo.Warehouse.Connection, Oversight.Calendar.Month.Of(October), settings, Now);
        var issued = draft with
        {
            Form = MonthlyBriefingBuilder.FormOf(settings, draft.CountyName, new IssuedNumber("南政务监〔2026〕7号", DateOnly.FromDateTime(Now))),
        };
        return MonthlyReport.Write(new TemplateFolder(), issued, Out("monthly"), "通报", pdf: false);
    });

    private AssessmentReport.Files Assessment(string rules, string name) => Written.Get(name, () =>
    {
        var templates = new TemplateFolder();
        var settings = ReportSettings.Load(templates);
        var (draft, _) = DemoCountyFixture.Assessment(rules, AssessmentPeriod.OfYear(2025));
        // Laid out as issued on Now, without saving scores or opening a 公示 in the shared demo warehouse.
        var report = draft with { IsDraft = false, Form = AnnualAssessmentBuilder.Form(settings, draft.CountyName, DateOnly.FromDateTime(Now)) };
        return AssessmentReport.Write(templates, report, Out(name), name, pdf: false);
    });

    private ReportFiles Inspection() => Written.Get("inspection", () =>
        InspectionReport.Generate(demo.Warehouse.Connection, demo.Warehouse.DbPath, KeyFile.Load(demo.Warehouse.DbPath), new TemplateFolder(),
            new InspectionReport.Options(October, Out("restricted"), "县纪委监委第二监督检查室", 8, Pdf: false, Issue: true)).Files);

    private static List<Paragraph> Paragraphs(WordprocessingDocument doc) => OfficeDocuments.Body(doc).Elements<Paragraph>().ToList();

    [Fact]
    public void The_monthly_briefing_is_a_gbt_9704_document_with_red_head_number_levels_signature_colophon_and_repeating_table_headers()
    {
        var files = Monthly();
        Assert.Equal(Path.Combine(Out("monthly"), "通报.docx"), files.Report.Docx);
        Assert.Contains(files.Report.Docx!, files.All);

        using var doc = WordprocessingDocument.Open(files.Report.Docx!, false);
        GbtChecks.Page(doc);
        var body = OfficeDocuments.Body(doc);
        var paragraphs = Paragraphs(doc);
        var issuer = paragraphs.First(p => p.ParagraphProperties?.ParagraphStyleId?.Val == GbtStyles.IssuerMark);
        Assert.EndsWith("纪检监察组", OfficeDocuments.Text(issuer));
        var red = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == GbtStyles.IssuerMark);
        Assert.Equal(GbtStyles.Red, red.StyleRunProperties!.Color!.Val!.Value);
        var number = paragraphs.Single(p => p.ParagraphProperties?.ParagraphBorders?.BottomBorder?.Color == GbtStyles.Red);
        Assert.Matches(@"^.+政务监〔2026〕\d+号$", OfficeDocuments.Text(number));
        var title = paragraphs.Single(p => p.ParagraphProperties?.ParagraphStyleId?.Val == GbtStyles.Title && OfficeDocuments.Text(p).EndsWith("通报"));
        Assert.Equal(GbtStyles.XiaoBiaoSong, OfficeDocuments.EastAsiaFont(doc, title));
        Assert.Null(doc.MainDocumentPart.StyleDefinitionsPart.Styles.Elements<Style>().Single(s => s.StyleId == GbtStyles.Title).StyleRunProperties!.Color);
        Assert.Equal("各乡镇人民政府、街道办事处：", OfficeDocuments.Text(paragraphs.First(p => OfficeDocuments.Text(p).EndsWith('：'))));
        var h1 = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == GbtStyles.Heading1).Select(OfficeDocuments.Text).ToList();
        Assert.Equal(["一、基本情况", "二、存在的问题", "三、下步工作要求"], h1);
        Assert.Equal(GbtStyles.HeiTi, OfficeDocuments.EastAsiaFont(doc, paragraphs.First(p => OfficeDocuments.Text(p) == "一、基本情况")));
        Assert.Equal(GbtStyles.FangSong, OfficeDocuments.EastAsiaFont(doc, paragraphs.First(p => OfficeDocuments.Text(p).StartsWith("为加强"))));
        Assert.StartsWith("附件：1. 各中心运行情况", OfficeDocuments.Text(paragraphs.Single(p => OfficeDocuments.Text(p).StartsWith("附件："))));
        GbtChecks.Signature(paragraphs, "县政务服务管理局", "2026年11月24日");
        GbtChecks.ColophonLast(body, "抄送：县委办、县政府办、县纪委监委。", "2026年11月24日印发");
        Assert.Equal(1 + 32, GbtChecks.TableWithHeader(body, "名次").Elements<TableRow>().Count());
        var labels = paragraphs.Where(p => p.ParagraphProperties?.PageBreakBefore is not null).Select(OfficeDocuments.Text).ToList();
        // Six annexes of the month's figures and the seventh, the demo ledger's overdue 整改 items by township.
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"附件{i}"), labels);
    }

    [Fact]
    public void Both_assessments_are_documents_with_signature_and_date_and_workbooks_with_numbers_dates_and_every_scored_line()
    {
        foreach (var (rules, name, subject) in new[] { ("rules.json", "年度考核", "中心"), ("staff-rules.json", "窗口工作人员考核", "工作人员") })
        {
            var files = Assessment(rules, name);
            using (var doc = WordprocessingDocument.Open(files.Report.Docx!, false))
            {
                GbtChecks.Page(doc);
                var paragraphs = Paragraphs(doc);
                Assert.Equal(["一、考核方法", "二、考核结果", "三、公示与复核"],
                    paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == GbtStyles.Heading1).Select(OfficeDocuments.Text));
                GbtChecks.Signature(paragraphs, "县政务服务管理局", "2026年11月24日");
                GbtChecks.ColophonLast(OfficeDocuments.Body(doc), "抄送：县委办、县政府办、县纪委监委。", "2026年11月24日印发");
                var ranking = GbtChecks.TableWithHeader(OfficeDocuments.Body(doc), "名次");
                Assert.Contains(ranking.Elements<TableRow>().First().Descendants<Paragraph>(), p => OfficeDocuments.Text(p) == subject);
            }

            using var book = SpreadsheetDocument.Open(files.Xlsx, false);
            var sheets = XlsxChecks.Sheets(book);
            Assert.Equal(AssessmentReport.SheetNames, sheets.Keys);
            XlsxChecks.Frame(book, sheets["考核结果"]);
            var results = XlsxChecks.Rows(sheets["考核结果"]);
            Assert.True(results.Count > 2);
            Assert.All(results.Skip(1), r => XlsxChecks.IsNumber(r[0])); // 名次
            Assert.Contains(results.Skip(1), r => r.Any(c => XlsxChecks.IsNumber(c) && c.CellValue!.Text.Contains('.'))); // scores
            var lines = XlsxChecks.Rows(sheets["逐条计分"]);
            var header = lines[0].Select(c => XlsxChecks.Text(c)).ToList();
            var dateColumn = header.IndexOf("日期");
            var pointsColumn = header.IndexOf("分值");
            Assert.True(lines.Count > 100, $"{lines.Count} scored lines");
            Assert.All(lines.Skip(1), r => XlsxChecks.IsDate(book, r[dateColumn]));
            Assert.All(lines.Skip(1), r => XlsxChecks.IsNumber(r[pointsColumn]));
        }
    }

    [Fact]
    public void The_inspection_briefing_carries_copy_number_classification_and_term_top_left_and_is_owner_only()
    {
        var files = Inspection();
        using var doc = WordprocessingDocument.Open(files.Docx!, false);
        GbtChecks.Page(doc);
        var paragraphs = Paragraphs(doc);
        Assert.Matches(@"^\d{6}$", OfficeDocuments.Text(paragraphs[0])); // 份号
        Assert.Equal("机密★6个月", OfficeDocuments.Text(paragraphs[1])); // 密级★保密期限
        Assert.Equal(GbtStyles.HeiTi, OfficeDocuments.EastAsiaFont(doc, paragraphs[1]));
        Assert.Equal(JustificationValues.Center, doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>()
            .Single(s => s.StyleId == GbtStyles.Title).StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.Contains(paragraphs, p => OfficeDocuments.Text(p) == "县纪委监委第二监督检查室：");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.Docx!));
    }

    [Fact]
    public void The_monthly_workbook_has_date_cells_numbers_frozen_filtered_headers_and_keeps_formula_looking_text_as_text()
    {
        var files = Monthly();
        using var book = SpreadsheetDocument.Open(files.Xlsx, false);
        var sheets = XlsxChecks.Sheets(book);
        Assert.Equal(MonthlyWorkbook.SheetNames, sheets.Keys);
        foreach (var sheet in sheets.Values) XlsxChecks.Frame(book, sheet);
        var overdue = XlsxChecks.Rows(sheets["超期办件"]);
        var header = overdue[0].Select(c => XlsxChecks.Text(c)).ToList();
        Assert.True(overdue.Count > 10);
        Assert.All(overdue.Skip(1), r => XlsxChecks.IsDate(book, r[header.IndexOf("受理时间")]));
        Assert.All(overdue.Skip(1), r => Assert.True(XlsxChecks.Text(r[header.IndexOf("办件编号")]).Length > 0));
        var ranking = XlsxChecks.Rows(sheets["各中心运行情况"]);
        Assert.Equal(33, ranking.Count);
        Assert.All(ranking.Skip(1), r => XlsxChecks.IsNumber(r[ranking[0].FindIndex(c => XlsxChecks.Text(c) == "综合得分")]));
    }

    [Fact]
    public void Text_a_spreadsheet_would_take_for_a_formula_is_stored_as_quoted_text()
    {
        var path = Path.Combine(demo.Warehouse.Root, "formula.xlsx");
        Oversight.Reports.Workbooks.WorkbookWriter.Write(path,
            [new("表", ["内容", "数"], [["=HYPERLINK(\"http://x\")", 1.5], ["+1", 2L], ["-3", null], ["@SUM(A1)", 0], ["正常", 3]])]);
        using var book = SpreadsheetDocument.Open(path, false);
        var rows = XlsxChecks.Rows(XlsxChecks.Sheets(book)["表"]);
        foreach (var row in rows.Skip(1).Take(4))
        {
            Assert.Equal(CellValues.InlineString, row[0].DataType!.Value);
            Assert.Null(row[0].CellFormula);
            Assert.True(XlsxChecks.Format(book, row[0]).QuotePrefix?.Value, XlsxChecks.Text(row[0]));
        }
        Assert.NotEqual(true, XlsxChecks.Format(book, rows[5][0]).QuotePrefix?.Value);
        Assert.Equal("=HYPERLINK(\"http://x\")", XlsxChecks.Text(rows[1][0]));
        Assert.True(XlsxChecks.IsNumber(rows[2][1]));
    }

    [SofficeFact]
    public void LibreOffice_prints_every_document_on_numbered_a4_pages_with_the_colophon_at_the_foot_of_the_last_page()
    {
        var monthly = Monthly().Report.Docx!;
        var annual = Assessment("rules.json", "年度考核").Report.Docx!;
        var inspection = Inspection().Docx!;
        var pdfs = OfficeDocuments.ToPdf(OfficeDocuments.Soffice()!, Out("pdf"), monthly, annual, inspection);

        foreach (var (pdf, first, lastPage) in new[]
                 {
                     (pdfs[0], "政务监〔2026〕", "抄送：县委办、县政府办、县纪委监委。"),
                     (pdfs[1], "考核", "抄送：县委办、县政府办、县纪委监委。"),
                     (pdfs[2], "机密★6个月", "印发"),
                 })
        {
            // LibreOffice sets a little space between Chinese and digits; pdftotext prints it as a blank.
            var pages = BriefingPrint.PdfPages(pdf).Select(p => System.Text.RegularExpressions.Regex.Replace(p, "[ \t]+", "")).ToList();
            Assert.True(pages.Count >= 3, $"{pdf}: {pages.Count} pages");
            GbtChecks.PrintedPages(pages);
            Assert.Contains(first, pages[0]);
            Assert.Contains(lastPage, pages[^1]);
            Assert.DoesNotContain(pages.SkipLast(1), p => p.Contains(lastPage));
            var (width, height) = OfficeDocuments.PageSize(pdf);
            Assert.Equal((595, 842), ((int)Math.Round(width), (int)Math.Round(height))); // A4 in points
            Assert.True(OfficeDocuments.LowestLine(pdf, pages.Count, lastPage) > 842 - 35 / 25.4 * 72 - 40,
                $"{Path.GetFileName(pdf)}: the 版记 should sit at the foot of the last page");
        }
        Assert.Contains("二、存在的问题", string.Join("\n", BriefingPrint.PdfPages(pdfs[0])));
    }
}
