using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Oversight.Tests.Rectification;

/// <summary>Fills in an exported 整改台账 as a township clerk would: by the header's names, row by 编号.</summary>
public static class LedgerWorkbook
{
    public static void Fill(string path, string number, IReadOnlyDictionary<string, string> values)
    {
        using var document = SpreadsheetDocument.Open(path, true);
        var data = Sheet(document).GetFirstChild<SheetData>()!;
        var header = Header(data);
        var row = data.Elements<Row>().FirstOrDefault(r => Text(r, header["编号"]) == number);
        if (row is null)
        {
            var index = data.Elements<Row>().Max(r => r.RowIndex!.Value) + 1;
            row = new Row { RowIndex = index };
            data.Append(row);
            Set(row, header["编号"], number);
        }
        foreach (var (name, value) in values) Set(row, header[name], value);
        document.WorkbookPart!.Workbook.Save();
    }

    public static List<string> HeaderNames(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        return Header(Sheet(document).GetFirstChild<SheetData>()!).OrderBy(h => h.Value.Length).ThenBy(h => h.Value, StringComparer.Ordinal).Select(h => h.Key).ToList();
    }

    public static List<string> Numbers(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var data = Sheet(document).GetFirstChild<SheetData>()!;
        var column = Header(data)["编号"];
        return data.Elements<Row>().Where(r => r.RowIndex!.Value > 2).Select(r => Text(r, column)).ToList();
    }

    /// <summary>The list a dropdown on the 状态 column offers, and the cells it covers.</summary>
    public static (string List, string Range) StatusDropdown(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var v = Sheet(document).Descendants<DataValidation>().Single();
        return (v.Formula1!.Text, v.SequenceOfReferences!.InnerText!);
    }

    private static Worksheet Sheet(SpreadsheetDocument document) => document.WorkbookPart!.WorksheetParts.Single().Worksheet;

    private static Dictionary<string, string> Header(SheetData data)
    {
        var row = data.Elements<Row>().Single(r => r.RowIndex!.Value == 2);
        return row.Elements<Cell>().ToDictionary(c => c.InnerText, c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()));
    }

    private static string Text(Row row, string column) =>
        row.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value == column + row.RowIndex!.Value)?.InnerText ?? "";

    private static void Set(Row row, string column, string value)
    {
        var reference = column + row.RowIndex!.Value;
        row.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value == reference)?.Remove();
        var cell = new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };
        // Cells stay in column order, as Excel writes them.
        var after = row.Elements<Cell>().LastOrDefault(c => string.CompareOrdinal(Col(c), column) < 0 && Col(c).Length <= column.Length);
        if (after is null) row.PrependChild(cell);
        else after.InsertAfterSelf(cell);
    }

    private static string Col(Cell c) => new(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray());
}
