using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Oversight.Tests;

/// <summary>A numeric cell shown through an Excel number format, e.g. 10010 as "0000000" → 0010010.</summary>
public sealed record Formatted(double Value, string Format);

/// <summary>Writes a one-sheet workbook whose numeric cells carry custom number formats, as county exports do.</summary>
public static class FormattedXlsx
{
    public static string Write(string path, params object?[][] rows)
    {
        var formats = rows.SelectMany(r => r).OfType<Formatted>().Select(f => f.Format).Distinct().ToList();
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        // Style 0: General; style 1 + i: custom format 164 + i.
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(formats.Select((f, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f })),
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new[] { new CellFormat() }.Concat(formats.Select((_, i) =>
                new CellFormat { NumberFormatId = (uint)(164 + i), ApplyNumberFormat = true }))));
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var row in rows)
        {
            var r = new Row();
            foreach (var value in row)
                r.Append(value switch
                {
                    null => new Cell(),
                    Formatted f => new Cell
                    {
                        CellValue = new CellValue(f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        DataType = CellValues.Number, StyleIndex = (uint)(1 + formats.IndexOf(f.Format)),
                    },
                    int or long or double => new Cell
                    {
                        CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
                        DataType = CellValues.Number,
                    },
                    _ => new Cell(new InlineString(new Text(value.ToString()!))) { DataType = CellValues.InlineString },
                });
            data.Append(r);
        }
        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
        return path;
    }
}
