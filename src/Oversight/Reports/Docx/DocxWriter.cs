using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Oversight.Reports.Docx;

/// <summary>Lays out a document the Word templates describe (see report-templates/README.md, "Word 文档") as a
/// GB/T 9704-2012 公文: 版头 (份号, 密级, red 发文机关标志, 发文字号, red line), 标题, 主送, 正文 with 一、（一）1. levels,
/// 附件说明, 落款 and 成文日期 with room for the seal, the 附件 each on a new page, and the 版记 (抄送, 印发) at the foot of
/// the last page. The templates choose every sentence; the layout is decided here.</summary>
public sealed class DocxWriter
{
    private readonly Body _body = new();
    private readonly XElement _markup;
    private bool _firstLine = true;

    private DocxWriter(XElement markup) => _markup = markup;

    /// <summary>Writes <paramref name="markup"/> (a &lt;document&gt;) to <paramref name="path"/>.</summary>
    public static void Write(XElement markup, string path)
    {
        var writer = new DocxWriter(markup);
        writer.Lay();
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = GbtStyles.Styles();
        main.AddNewPart<FontTablePart>().Fonts = GbtStyles.FontTable();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new EvenAndOddHeaders(), // odd page numbers at the right, even at the left
            new DefaultTabStop { Val = GbtPage.BodyChar * 2 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
            }));
        var odd = main.AddNewPart<FooterPart>();
        odd.Footer = PageNumberFooter(odd: true);
        var even = main.AddNewPart<FooterPart>();
        even.Footer = PageNumberFooter(odd: false);
        writer._body.Append(Section(main.GetIdOfPart(odd), main.GetIdOfPart(even)));
        main.Document = new Document(writer._body);
        document.PackageProperties.Title = markup.Element("title")?.Value.Trim();
        document.PackageProperties.Language = "zh-CN";
    }

    private void Lay()
    {
        foreach (var e in _markup.Elements())
        {
            if (e.Name.LocalName != "colophon") Block(e);
        }
        // The 版记 closes the document, after the 附件, wherever the template put it.
        if (_markup.Element("colophon") is { } colophon) Colophon(colophon);
        // Word needs a paragraph after a table.
        if (_body.LastChild is Table) _body.Append(Paragraph(GbtStyles.NoIndent, ""));
    }

    private void Block(XElement e)
    {
        switch (e.Name.LocalName)
        {
            case "copy-number": // 份号: 版心左上角第一行
            case "classification": // 密级和保密期限: 第二行, 黑体
                _body.Append(Paragraph(GbtStyles.NoIndent, Text(e), font: e.Name.LocalName == "classification" ? GbtStyles.HeiTi : null));
                _firstLine = false;
                break;
            case "issuer":
                Issuers(e);
                break;
            case "number":
                DocumentNumber(Text(e));
                break;
            case "title":
                _body.Append(Paragraph(GbtStyles.Title, Text(e)));
                _body.Append(Blank());
                break;
            case "main-to": // 主送: 居左顶格
                _body.Append(Paragraph(GbtStyles.NoIndent, Text(e)));
                break;
            case "p":
                _body.Append(Paragraph(e.Attribute("indent")?.Value == "none" ? GbtStyles.NoIndent : GbtStyles.Body, Text(e)));
                break;
            case "h1":
                _body.Append(Paragraph(GbtStyles.Heading1, Text(e)));
                break;
            case "h2":
                _body.Append(Paragraph(GbtStyles.Heading2, Text(e)));
                break;
            case "h3":
                _body.Append(Paragraph(GbtStyles.Heading3, Text(e)));
                break;
            case "note":
                _body.Append(Paragraph(GbtStyles.Note, Text(e)));
                break;
            case "blank":
                _body.Append(Blank());
                break;
            case "table":
                _body.Append(WordTable.Table(e));
                break;
            case "attachments":
                Attachments(e);
                break;
            case "signature":
                Signature(e);
                break;
            case "annex":
                Annex(e);
                break;
            default:
                throw new ReportException(Messages.WordTemplateUnknownElement(e.Name.LocalName, LineOf(e)));
        }
    }

    /// <summary>发文机关标志: red 小标宋, centered, one line per issuing body, all in the size the longest fits.</summary>
    private void Issuers(XElement first)
    {
        if (first.ElementsBeforeSelf("issuer").Any()) return; // laid out with the first
        var names = first.Parent!.Elements("issuer").Select(Text).Where(n => n.Length > 0).ToList();
        if (names.Count == 0) return;
        var longest = names.Max(TextWidth);
        var points = Math.Clamp(Math.Floor(GbtPage.TextWidth / (double)GbtPage.TwipsPerPoint * 0.96 / longest), 16, 42);
        var hp = ((int)(points * 2)).ToString();
        for (var i = 0; i < names.Count; i++)
        {
            var p = Paragraph(GbtStyles.IssuerMark, names[i]);
            foreach (var run in p.Elements<Run>())
                run.RunProperties = new RunProperties(new FontSize { Val = hp }, new FontSizeComplexScript { Val = hp });
            // 版头: the mark starts 35 mm below the top of the 版心, less any 份号 and 密级 lines above it.
            if (i == 0 && _firstLine) p.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = GbtPage.Mm(25).ToString() };
            _body.Append(p);
        }
        _firstLine = false;
        _body.Append(Blank(), Blank()); // 发文机关标志下空二行
        if (first.Parent!.Element("number") is null) DocumentNumber("");
    }

    /// <summary>发文字号 centered, with the red separator line 4 mm below it; then two blank lines before the title.</summary>
    private void DocumentNumber(string number)
    {
        var p = Paragraph(GbtStyles.NoIndent, number);
        p.ParagraphProperties!.ParagraphBorders =
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Color = GbtStyles.Red, Size = 12, Space = 11 });
        p.ParagraphProperties.Justification = new Justification { Val = JustificationValues.Center };
        _body.Append(p, Blank(), Blank());
    }

    /// <summary>附件说明: one blank line under the text, the template's lead (附件：) two characters in, later items under the first.</summary>
    private void Attachments(XElement e)
    {
        var items = e.Elements("item").Select(Text).ToList();
        if (items.Count == 0) return;
        _body.Append(Blank());
        var lead = (string?)e.Attribute("lead") ?? "";
        var hanging = GbtPage.BodyChar * (2 + lead.Length);
        for (var i = 0; i < items.Count; i++)
        {
            var text = items.Count == 1 ? items[i] : $"{i + 1}. {items[i]}";
            var p = Paragraph(GbtStyles.NoIndent, i == 0 ? lead + text : text);
            p.ParagraphProperties!.KeepNext = new KeepNext();
            p.ParagraphProperties.Indentation = (i == 0
                ? new Indentation { Left = hanging.ToString(), Hanging = (GbtPage.BodyChar * lead.Length).ToString() }
                : new Indentation { Left = hanging.ToString() });
            _body.Append(p);
        }
    }

    /// <summary>落款: room for the seal, each issuing body centered over the 成文日期, which stands 右空四字.</summary>
    private void Signature(XElement e)
    {
        if (_body.LastChild is Paragraph last) (last.ParagraphProperties ??= new ParagraphProperties()).KeepNext = new KeepNext();
        var date = Text(e.Element("date") ?? new XElement("date"));
        var dateRight = 4 * GbtPage.BodyChar;
        var dateWidth = TextWidth(date) * GbtPage.BodyChar;
        _body.Append(Blank(keepNext: true), Blank(keepNext: true));
        foreach (var body in e.Elements("body").Select(Text))
        {
            var right = (int)Math.Max(0, dateRight + (dateWidth - TextWidth(body) * GbtPage.BodyChar) / 2);
            _body.Append(RightAligned(body, right, keepNext: true));
        }
        if (date.Length > 0) _body.Append(RightAligned(date, dateRight, keepNext: false));
    }

    /// <summary>A 附件 on a new page: "附件1" in 黑体 at the top left, its title centered on the third line.</summary>
    private void Annex(XElement e)
    {
        var label = Paragraph(GbtStyles.NoIndent, e.Attribute("label")?.Value.Trim() ?? "", font: GbtStyles.HeiTi);
        label.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
        _body.Append(label, Blank());
        if (e.Attribute("title")?.Value.Trim() is { Length: > 0 } title) _body.Append(Paragraph(GbtStyles.Title, title), Blank());
        foreach (var child in e.Elements()) Block(child);
    }

    /// <summary>版记 at the foot of the last page: a text box anchored to the bottom of the 版心 (Word, WPS and
    /// LibreOffice all keep it there), 抄送 and 印发 between a thick first and last rule and a thin one between them,
    /// 左右各空一字.</summary>
    private void Colophon(XElement e)
    {
        var copyTo = Text(e.Element("copy-to") ?? new XElement("copy-to"));
        var by = Text(e.Element("printed-by") ?? new XElement("printed-by"));
        var on = Text(e.Element("printed-on") ?? new XElement("printed-on"));
        const int oneChar = 14 * GbtPage.TwipsPerPoint; // 一字 of 4号
        var lines = 1;
        var content = new List<Paragraph>();
        if (copyTo.Length > 0)
        {
            var p = Paragraph(GbtStyles.Colophon, copyTo);
            p.ParagraphProperties!.ParagraphBorders = new ParagraphBorders(
                new TopBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" });
            // 抄送机关 after "抄送：" run on under the first name.
            p.ParagraphProperties.Indentation = new Indentation
            {
                Left = (4 * oneChar).ToString(), Right = oneChar.ToString(), Hanging = (3 * oneChar).ToString(),
            };
            content.Add(p);
            lines += (int)Math.Ceiling(TextWidth(copyTo) * oneChar / (GbtPage.TextWidth - 2.0 * oneChar));
        }
        var printed = Paragraph(GbtStyles.Colophon, by + "\t" + on);
        printed.ParagraphProperties!.Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = GbtPage.TextWidth - oneChar });
        printed.ParagraphProperties.ParagraphBorders = new ParagraphBorders(
            copyTo.Length > 0 ? new TopBorder { Val = BorderValues.Nil } : new TopBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = "000000" },
            new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 1, Color = "000000" });
        printed.ParagraphProperties.Indentation = new Indentation { Left = oneChar.ToString(), Right = "0" };
        content.Add(printed);
        _body.Append(ColophonBox.Anchor(content, lines));
    }

    internal static TableCell Cell(Paragraph p, int width, int span = 1)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (span > 1) props.Append(new GridSpan { Val = span });
        return new TableCell(props, p);
    }

    private static Paragraph RightAligned(string text, int right, bool keepNext)
    {
        var p = Paragraph(GbtStyles.NoIndent, text);
        if (keepNext) p.ParagraphProperties!.KeepNext = new KeepNext();
        p.ParagraphProperties!.Indentation = new Indentation { Right = right.ToString() };
        p.ParagraphProperties.Justification = new Justification { Val = JustificationValues.Right };
        return p;
    }

    private static Paragraph Blank(bool keepNext = false)
    {
        var p = Paragraph(GbtStyles.NoIndent, "");
        if (keepNext) p.ParagraphProperties!.KeepNext = new KeepNext();
        return p;
    }

    /// <summary>A paragraph of one style; a line break in the text stays a line break.</summary>
    internal static Paragraph Paragraph(string style, string text, string? font = null, string? halfPoints = null)
    {
        var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 && lines.Length == 1) break;
            var run = new Run();
            if (font is not null || halfPoints is not null)
            {
                var rp = new RunProperties();
                if (font is not null) rp.Append(GbtStyles.FontsOf(font));
                if (halfPoints is not null) rp.Append(new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints });
                run.Append(rp);
            }
            if (i > 0) run.Append(new Break());
            var parts = lines[i].Split('\t');
            for (var k = 0; k < parts.Length; k++)
            {
                if (k > 0) run.Append(new TabChar());
                run.Append(new Text(parts[k]) { Space = SpaceProcessingModeValues.Preserve });
            }
            p.Append(run);
        }
        return p;
    }

    /// <summary>The text of an element: its own text, trimmed at both ends; line breaks inside it are kept.</summary>
    internal static string Text(XElement e) => e.Value.Trim();

    /// <summary>Width in characters of the type size: CJK characters, arrows and dashes one, Latin letters and digits
    /// a little over half.</summary>
    internal static double TextWidth(string text) => text.Sum(c => c < 0x2000 ? 0.55 : 1.0);

    private static int LineOf(XElement e) => e is System.Xml.IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>Page numbers "— N —" in 4号 宋体: odd pages at the right, even pages at the left, 一字 from the edge.</summary>
    private static Footer PageNumberFooter(bool odd)
    {
        var p = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = GbtStyles.PageNumber },
            odd ? new Indentation { Right = (14 * GbtPage.TwipsPerPoint).ToString() } : new Indentation { Left = (14 * GbtPage.TwipsPerPoint).ToString() },
            new Justification { Val = odd ? JustificationValues.Right : JustificationValues.Left }));
        p.Append(
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve }));
        return new Footer(p);
    }

    private static SectionProperties Section(string oddFooter, string evenFooter) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooter },
        new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooter },
        new PageSize { Width = (uint)GbtPage.Width, Height = (uint)GbtPage.Height },
        new PageMargin
        {
            Top = GbtPage.Top, Bottom = GbtPage.Bottom, Left = (uint)GbtPage.Left, Right = (uint)GbtPage.Right,
            Header = (uint)GbtPage.Mm(15), Footer = (uint)GbtPage.Footer, Gutter = 0,
        },
        new DocGrid { Type = DocGridValues.Lines, LinePitch = GbtPage.LinePitch });
}
