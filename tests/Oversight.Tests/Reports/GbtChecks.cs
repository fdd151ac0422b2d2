using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Oversight.Reports.Docx;

namespace Oversight.Tests.Reports;

/// <summary>The GB/T 9704-2012 parts every Word document of the product must have.</summary>
internal static class GbtChecks
{
    /// <summary>A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 22 × 28 grid, 仿宋 3号 body, page numbers at the outer edge.</summary>
    public static void Page(WordprocessingDocument doc)
    {
        var section = OfficeDocuments.Body(doc).Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        static double Mm(double twips) => Math.Round(twips / 1440 * 25.4, 1);
        Assert.Equal(37, Mm(margin.Top!.Value));
        Assert.Equal(28, Mm(margin.Left!.Value));
        Assert.Equal(156, Mm(11906 - margin.Left!.Value - margin.Right!.Value), 0);
        Assert.Equal(225, Mm(16838 - margin.Top!.Value - margin.Bottom!.Value), 0);
        var grid = section.GetFirstChild<DocGrid>()!;
        Assert.Equal(22, (16838 - margin.Top!.Value - (int)margin.Bottom!.Value) / grid.LinePitch!.Value);
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal(GbtStyles.FangSong, defaults.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", defaults.FontSize!.Val!.Value); // 3号 = 16 pt
        var pitch = 16 + defaults.GetFirstChild<Spacing>()!.Val!.Value / 20.0; // every character condensed a little
        Assert.Equal(28, (int)((11906 - (int)margin.Left!.Value - (int)margin.Right!.Value) / 20.0 / pitch));
        Assert.Equal("44", styles.Elements<Style>().Single(s => s.StyleId == GbtStyles.Title).StyleRunProperties!.FontSize!.Val!.Value); // 2号
        Assert.Equal(GbtStyles.KaiTi, styles.Elements<Style>().Single(s => s.StyleId == GbtStyles.Heading2).StyleRunProperties!.RunFonts!.EastAsia!.Value);
        // Fallbacks declared for machines without the GB2312-era fonts.
        var fonts = doc.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);
        Assert.Equal("仿宋", fonts[GbtStyles.FangSong]);
        Assert.Equal("楷体", fonts[GbtStyles.KaiTi]);
        Assert.NotNull(fonts[GbtStyles.XiaoBiaoSong]);

        // Page numbers "— N —": a PAGE field, odd pages right, even pages left.
        Assert.NotNull(doc.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        foreach (var (type, jc) in new[] { (HeaderFooterValues.Default, JustificationValues.Right), (HeaderFooterValues.Even, JustificationValues.Left) })
        {
            var id = section.Elements<FooterReference>().Single(r => r.Type!.Value == type).Id!.Value!;
            var footer = ((FooterPart)doc.MainDocumentPart.GetPartById(id)).Footer!;
            var p = footer.Elements<Paragraph>().Single();
            Assert.Equal(jc, p.ParagraphProperties!.Justification!.Val!.Value);
            Assert.Equal(" PAGE ", p.Descendants<FieldCode>().Single().Text);
            Assert.Equal("— 1 —", OfficeDocuments.Text(p));
        }
    }

    /// <summary>落款: the issuing body right of center and the 成文日期 右空四字, after blank lines left for the seal.</summary>
    public static void Signature(List<Paragraph> paragraphs, string bodyEnd, string date)
    {
        var dateIndex = paragraphs.FindIndex(p => OfficeDocuments.Text(p) == date && p.ParagraphProperties?.Justification?.Val?.Value == JustificationValues.Right);
        Assert.True(dateIndex > 0, $"no 成文日期 {date}");
        Assert.Equal(4 * 320, int.Parse(paragraphs[dateIndex].ParagraphProperties!.Indentation!.Right!.Value!));
        Assert.EndsWith(bodyEnd, OfficeDocuments.Text(paragraphs[dateIndex - 1]));
        var firstBody = paragraphs.FindLastIndex(dateIndex, p => OfficeDocuments.Text(p) == "");
        Assert.True(firstBody > 1 && OfficeDocuments.Text(paragraphs[firstBody - 1]) == "", "room for the seal: two blank lines above the 落款");
    }

    /// <summary>The 版记 is the document's last paragraph: a text box anchored to the bottom of the 版心.</summary>
    public static void ColophonLast(Body body, string copyTo, string printedOn)
    {
        var last = body.Elements<Paragraph>().Last();
        Assert.IsType<SectionProperties>(last.NextSibling());
        var anchor = last.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Anchor>().Single();
        Assert.Equal("bottom", anchor.VerticalPosition!.VerticalAlignment!.Text);
        Assert.Equal(DocumentFormat.OpenXml.Drawing.Wordprocessing.VerticalRelativePositionValues.Margin,
            anchor.VerticalPosition.RelativeFrom!.Value);
        var text = anchor.Descendants<TextBoxContent>().Single().Elements<Paragraph>().Select(OfficeDocuments.Text).ToList();
        Assert.Equal(copyTo, text[0]);
        Assert.EndsWith(printedOn, text[^1]);
    }

    /// <summary>The table whose first header cell reads <paramref name="firstHeader"/>; its header row repeats on every page.</summary>
    public static Table TableWithHeader(Body body, string firstHeader)
    {
        var table = body.Descendants<Table>().First(t => OfficeDocuments.Text(t.Descendants<Paragraph>().First()) == firstHeader);
        var first = table.Elements<TableRow>().First();
        Assert.NotNull(first.TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Null(table.Elements<TableRow>().Skip(1).FirstOrDefault(r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null && r.ElementsBefore().OfType<TableRow>().Any(b => b.TableRowProperties?.GetFirstChild<TableHeader>() is null)));
        return table;
    }

    /// <summary>Every printed page carries its number "— N —".</summary>
    public static void PrintedPages(List<string> pages)
    {
        for (var i = 0; i < pages.Count; i++) Assert.Matches($@"(?m)^\s*—\s?{i + 1}\s?—\s*$", pages[i]);
    }

    public static readonly Regex AnyPageNumber = new(@"— \d+ —");
}
