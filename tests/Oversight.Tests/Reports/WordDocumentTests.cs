using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Oversight.Reports;
using Oversight.Reports.Docx;
using Oversight.Reports.Monthly;
using Oversight.Tests.Demo;

namespace Oversight.Tests.Reports;

/// <summary>The Word documents of the demo county's reports, opened with the OpenXml library and checked against
/// GB/T 9704-2012, then laid out by LibreOffice and read back page by page.</summary>
[Collection(DemoCountyCollection.Name)]
public class WordDocumentTests(DemoCountyFixture demo)
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private MonthlyReport.Files Monthly(string outDir)
    {
        var model = MonthlyBriefingBuilder.Build(demo.Warehouse.Connection, October, ReportSettings.Load(new TemplateFolder()),
            new DateTime(2026, 11, 24, 6, 0, 0));
        return MonthlyReport.Write(new TemplateFolder(), model, outDir, "通报", pdf: false);
    }

    [Fact]
    public void The_monthly_briefing_is_a_gbt_9704_word_document_and_libreoffice_prints_it_with_the_colophon_on_the_last_page()
    {
        var outDir = Path.Combine(demo.Warehouse.Root, "word-monthly");
        var files = Monthly(outDir);
        var docx = files.Report.Docx!;
        Assert.Equal(Path.Combine(outDir, "通报.docx"), docx);
        Assert.Contains(docx, files.All);

        string number;
        using (var doc = WordprocessingDocument.Open(docx, false))
        {
            GbtChecks.Page(doc);
            var body = OfficeDocuments.Body(doc);
            var paragraphs = body.Elements<Paragraph>().ToList();
            var issuer = paragraphs.First(p => p.ParagraphProperties?.ParagraphStyleId?.Val == GbtStyles.IssuerMark);
            Assert.EndsWith("纪检监察组", OfficeDocuments.Text(issuer));
            number = OfficeDocuments.Text(paragraphs.Single(p => p.ParagraphProperties?.ParagraphBorders?.BottomBorder?.Color == GbtStyles.Red));
            Assert.Matches(@"^.+政务监〔2026〕\d+号$", number);
            var title = paragraphs.Single(p => p.ParagraphProperties?.ParagraphStyleId?.Val == GbtStyles.Title && OfficeDocuments.Text(p).Contains("通报"));
            Assert.Equal(GbtStyles.XiaoBiaoSong, OfficeDocuments.EastAsiaFont(doc, title));
            Assert.Equal("各乡镇人民政府、街道办事处：", OfficeDocuments.Text(paragraphs.First(p => OfficeDocuments.Text(p).EndsWith('：'))));
            var h1 = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val == GbtStyles.Heading1).Select(OfficeDocuments.Text).ToList();
            Assert.Equal(["一、基本情况", "二、存在的问题", "三、下步工作要求"], h1);
            Assert.Equal(GbtStyles.HeiTi, OfficeDocuments.EastAsiaFont(doc, paragraphs.First(p => OfficeDocuments.Text(p) == "一、基本情况")));
            Assert.Equal(GbtStyles.FangSong, OfficeDocuments.EastAsiaFont(doc, paragraphs.First(p => OfficeDocuments.Text(p).StartsWith("为加强"))));
            Assert.StartsWith("附件：1. 各中心运行情况", OfficeDocuments.Text(paragraphs.Single(p => OfficeDocuments.Text(p).StartsWith("附件："))));
            GbtChecks.Signature(paragraphs, "县政务服务管理局", "2026年11月24日");
            GbtChecks.ColophonLast(body, "抄送：县委办、县政府办、县纪委监委。", "2026年11月24日印发");
            var ranking = GbtChecks.TableWithHeader(body, "名次");
            Assert.Equal(1 + 32, ranking.Elements<TableRow>().Count());
            Assert.Equal(6, body.Descendants<Paragraph>().Count(p => OfficeDocuments.Text(p) is var t && t.StartsWith("附件") && t.Length == 3));
        }

        var soffice = OfficeDocuments.Soffice()!;
        var pdf = OfficeDocuments.ToPdf(soffice, Path.Combine(outDir, "pdf"), docx).Single();
        var pages = BriefingPrint.PdfPages(pdf);
        Assert.InRange(pages.Count, 4, 40);
        GbtChecks.PrintedPages(pages);
        Assert.Contains(number, pages[0]);
        Assert.Contains("二、存在的问题", string.Join("\n", pages));
        Assert.Contains("抄送：县委办、县政府办、县纪委监委。", pages[^1]);
        Assert.DoesNotContain("抄送", string.Join("\n", pages.SkipLast(1)));
    }
}
