using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Oversight.Reports.Workbooks;

/// <summary>One sheet of a report workbook: a header row and the rows under it. A row's values are text (string),
/// numbers (int, long, double, decimal), dates (DateOnly), date-times (DateTime) or empty (null).</summary>
public sealed record SheetTable(string Name, IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows);

/// <summary>Writes the report workbooks county staff open in Excel or WPS: numbers as numbers, dates as real date
/// cells, columns as wide as their content, the header frozen with a filter on it and printed on every page
/// (landscape A4, fitted to the page width). Text that a spreadsheet would take for a formula (starting with
/// = + - @) is stored as text and stays text when a cell is edited.</summary>
public static class WorkbookWriter
{
    private const uint HeaderStyle = 1, NumberStyle = 2, DateStyle = 3, DateTimeStyle = 4, LiteralTextStyle = 5;
    private const int SampleRows = 500;

    public static void Write(string path, IReadOnlyList<SheetTable> sheets, bool confidential = false) =>
        OfficeFile.Write(path, confidential, tmp => WriteTo(tmp, sheets));

    private static void WriteTo(string path, IReadOnlyList<SheetTable> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheetList = new DocumentFormat.OpenXml.Spreadsheet.Sheets();
        var names = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            var part = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheet);
            sheetList.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = sheet.Name });
            var quoted = $"'{sheet.Name.Replace("'", "''")}'";
            names.Append(new DefinedName($"{quoted}!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
            names.Append(new DefinedName($"{quoted}!{Range(sheet)}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
        }
        workbook.Workbook = new Workbook(sheetList, names);
    }

    private static string Range(SheetTable sheet) =>
        $"$A$1:${ColumnName(Math.Max(1, sheet.Header.Count) - 1)}${sheet.Rows.Count + 1}";

    private static void WriteSheet(WorksheetPart part, SheetTable sheet)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        w.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
        { WorkbookViewId = 0 }));
        w.WriteElement(new Columns(Widths(sheet).Select((width, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true })));

        w.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.SheetData());
        WriteRow(w, 1, sheet.Header.Cast<object?>().ToArray(), header: true);
        for (var r = 0; r < sheet.Rows.Count; r++) WriteRow(w, (uint)(r + 2), sheet.Rows[r], header: false);
        w.WriteEndElement();

        w.WriteElement(new AutoFilter { Reference = Range(sheet).Replace("$", "") });
        w.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        w.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        w.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter w, uint index, object?[] values, bool header)
    {
        w.WriteStartElement(new Row { RowIndex = index });
        for (var c = 0; c < values.Length; c++)
        {
            var reference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
            var cell = values[c] switch
            {
                null => null,
                DateTime t => new Cell { CellValue = new CellValue(t.ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = DateTimeStyle },
                DateOnly d => new Cell
                {
                    CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = DateStyle,
                },
                int or long or double or decimal => new Cell
                {
                    CellValue = new CellValue(Convert.ToString(values[c], CultureInfo.InvariantCulture)!), DataType = CellValues.Number, StyleIndex = NumberStyle,
                },
                var v => Text(v.ToString()!, header),
            };
            if (cell is null) continue;
            cell.CellReference = reference;
            w.WriteElement(cell);
        }
        w.WriteEndElement();
    }

    private static Cell Text(string text, bool header) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = header ? HeaderStyle : LooksLikeFormula(text) ? LiteralTextStyle : 0u,
    };

    /// <summary>Text a spreadsheet would read as a formula if typed or pasted (CSV/formula injection).</summary>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Column widths in characters from the header and the first rows: CJK characters count two.</summary>
    private static double[] Widths(SheetTable sheet)
    {
        var widths = sheet.Header.Select(h => Width(h) + 2).ToArray();
        foreach (var row in sheet.Rows.Take(SampleRows))
        {
            for (var c = 0; c < Math.Min(row.Length, widths.Length); c++)
            {
                var shown = row[c] switch
                {
                    null => 0,
                    DateTime => 16,
                    DateOnly => 10,
                    double d => d.ToString("0.###", CultureInfo.InvariantCulture).Length,
                    var v => Width(v.ToString()!),
                };
                widths[c] = Math.Max(widths[c], shown + 2);
            }
        }
        return widths.Select(x => Math.Min(x, 60)).ToArray();
    }

    private static double Width(string text) => text.Sum(ch => ch >= 0x2E80 ? 2.0 : 1.0);

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static Stylesheet Styles()
    {
        var thin = () => new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" }),
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = Docx.GbtStyles.SongTi }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = Docx.GbtStyles.HeiTi })),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border(), thin()),
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                    { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat { NumberFormatId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
                new CellFormat { QuotePrefix = true }));
    }
}
