using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Oversight.Tests.Reports;

/// <summary>Reads a report workbook back with the OpenXml library: cell types, styles and the sheet's frame.</summary>
internal static class XlsxChecks
{
    public static Dictionary<string, Worksheet> Sheets(SpreadsheetDocument book)
    {
        var wb = book.WorkbookPart!;
        return wb.Workbook!.Sheets!.Elements<Sheet>()
            .ToDictionary(s => s.Name!.Value!, s => ((WorksheetPart)wb.GetPartById(s.Id!.Value!)).Worksheet!);
    }

    /// <summary>Rows as cells by column (a missing cell is an empty one).</summary>
    public static List<List<Cell>> Rows(Worksheet sheet) =>
        sheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r =>
        {
            var cells = new List<Cell>();
            foreach (var c in r.Elements<Cell>())
            {
                var column = Column(c.CellReference!.Value!);
                while (cells.Count < column) cells.Add(new Cell());
                cells.Add(c);
            }
            return cells;
        }).ToList();

    private static int Column(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (ch - 'A' + 1);
        return n - 1;
    }

    public static string Text(Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";

    public static CellFormat Format(SpreadsheetDocument book, Cell c) =>
        book.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ElementAt((int)(c.StyleIndex?.Value ?? 0));

    public static bool IsNumber(Cell c) =>
        (c.DataType is null || c.DataType.Value == CellValues.Number) && double.TryParse(c.CellValue?.Text, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>A date cell: a number (the serial date) in a style whose number format shows a date.</summary>
    public static bool IsDate(SpreadsheetDocument book, Cell c)
    {
        if (!IsNumber(c) || c.DataType is not null) return false;
        var id = Format(book, c).NumberFormatId?.Value ?? 0;
        var custom = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.NumberingFormats?.Elements<NumberingFormat>()
            .FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value;
        return id is >= 14 and <= 22 || custom is not null && custom.Contains("yy");
    }

    /// <summary>Frozen header row, a filter over the table, widths set, the header printed on every page.</summary>
    public static void Frame(SpreadsheetDocument book, Worksheet sheet)
    {
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.StartsWith("A1:", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.All(sheet.GetFirstChild<Columns>()!.Elements<Column>(), c => Assert.True(c.CustomWidth!.Value && c.Width!.Value >= 4));
        var index = Sheets(book).Values.ToList().IndexOf(sheet);
        Assert.Contains(book.WorkbookPart!.Workbook!.DefinedNames!.Elements<DefinedName>(),
            d => d.Name == "_xlnm.Print_Titles" && d.LocalSheetId?.Value == index && d.Text.EndsWith("!$1:$1"));
    }
}
