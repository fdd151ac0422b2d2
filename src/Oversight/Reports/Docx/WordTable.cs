using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Oversight.Reports.Docx;

/// <summary>A &lt;table&gt; of the Word templates as a real Word table across the 版心: header rows (row
/// header="true") repeat on every page the table runs onto, rows do not split across pages, columns are as wide as
/// their content needs, and the type gets smaller as columns get more, so a 14-column ranking still fits.</summary>
public static class WordTable
{
    /// <summary>Rows looked at for column widths: enough to see the content, bounded for 20,000-row annexes.</summary>
    private const int SampleRows = 300;

    private const short CellMargin = 57; // 1 mm

    public static Table Table(XElement markup)
    {
        var rows = markup.Elements("row").ToList();
        var columns = rows.Count == 0 ? 1 : rows.Max(r => r.Elements("cell").Sum(Span));
        var points = columns <= 5 ? 12 : columns <= 8 ? 10.5 : 8;
        var widths = Widths(rows, columns, points);
        var halfPoints = ((int)(points * 2)).ToString();

        var table = new Table(
            new TableProperties(
                new TableWidth { Width = GbtPage.TextWidth.ToString(), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = CellMargin, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = CellMargin, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));

        foreach (var row in rows)
        {
            var header = (string?)row.Attribute("header") == "true";
            var tr = new TableRow(header
                ? new TableRowProperties(new CantSplit(), new TableHeader())
                : new TableRowProperties(new CantSplit()));
            var column = 0;
            foreach (var cell in row.Elements("cell"))
            {
                var span = Math.Min(Span(cell), columns - column);
                if (span <= 0) break;
                var text = DocxWriter.Text(cell);
                var width = widths.Skip(column).Take(span).Sum();
                var p = DocxWriter.Paragraph(GbtStyles.TableText, text, font: header ? GbtStyles.HeiTi : null, halfPoints: halfPoints);
                // Short entries (figures, dates, names) centered as 公文 tables have them; longer text reads from the left.
                var align = (string?)cell.Attribute("align") ?? (header || span == 1 && DocxWriter.TextWidth(text) <= 8 ? "center" : "left");
                p.ParagraphProperties!.Justification = new Justification
                {
                    Val = align switch { "center" => JustificationValues.Center, "right" => JustificationValues.Right, _ => JustificationValues.Left },
                };
                var tc = DocxWriter.Cell(p, width, span);
                tc.TableCellProperties!.TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center };
                tr.Append(tc);
                column += span;
            }
            for (; column < columns; column++) tr.Append(DocxWriter.Cell(DocxWriter.Paragraph(GbtStyles.TableText, ""), widths[column]));
            table.Append(tr);
        }
        return table;
    }

    private static int Span(XElement cell) => int.TryParse((string?)cell.Attribute("span"), out var s) && s > 1 ? s : 1;

    /// <summary>Each column's share of the 版心 from the widest entry it holds (headers may wrap onto two lines),
    /// between 2 and 24 characters, so no column is starved and free text does not take the whole width.</summary>
    private static int[] Widths(List<XElement> rows, int columns, double points)
    {
        var need = new double[columns];
        foreach (var row in rows.Take(SampleRows))
        {
            var header = (string?)row.Attribute("header") == "true";
            var column = 0;
            foreach (var cell in row.Elements("cell"))
            {
                var span = Span(cell);
                if (span == 1 && column < columns)
                {
                    var text = DocxWriter.Text(cell);
                    var width = text.Split('\n').Max(DocxWriter.TextWidth);
                    need[column] = Math.Max(need[column], header ? Math.Ceiling(width / 2) : width);
                }
                column += span;
            }
        }
        // Twips each column needs at the table's type size, cell margins included; room left over goes to the
        // columns in proportion to what they hold, a shortfall is taken from them alike (their text wraps).
        var twips = need.Select(n => Math.Clamp(n, 2, 24) * points * GbtPage.TwipsPerPoint + 2 * CellMargin + 20).ToArray();
        var scale = GbtPage.TextWidth / twips.Sum();
        var widths = twips.Select(t => (int)(t * scale)).ToArray();
        widths[^1] += GbtPage.TextWidth - widths.Sum();
        return widths;
    }
}
