using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DuckDB.NET.Data;
using Oversight.Ingest;

namespace Oversight.Rectification;

/// <summary>The 整改台账 workbook, one per township: its open items with the columns counties keep (编号、问题、整改要求、
/// 责任单位、责任人、时限、整改措施、佐证、完成日期、状态、复核), a dropdown on 状态, and a name that makes it a 整改反馈 file, so
/// the township fills in 责任人, 整改措施, 佐证, 完成日期, 状态 and 填报人 and sends it back through the inbox unchanged.</summary>
public static class RectificationWorkbook
{
    /// <summary>The header row: the feed's own headers where the township writes, plain labels where it only reads
    /// (those columns are ignored on the way back, as unknown columns are).</summary>
    private static readonly string[] Header =
    [
        Col("item_no"), Messages.LedgerProblem, Messages.LedgerRequirement, Messages.LedgerUnit, Col("responsible"), Messages.LedgerDeadline,
        Col("measures"), Col("evidence"), Col("completed_on"), Col("status"), Messages.LedgerReview, Messages.LedgerLight, Col("sender"),
    ];

    private static string Col(string name) => Feed.RectificationUpdates.Columns.First(c => c.Name == name).ChineseHeader;

    /// <summary>Writes one workbook per center with open items (or only <paramref name="centerCode"/>'s) into
    /// <paramref name="folder"/>; returns the files.</summary>
    public static List<string> Export(DuckDBConnection connection, string folder, DateOnly today, string? centerCode = null)
    {
        Directory.CreateDirectory(folder);
        var lights = RectificationLights.For(connection, today).ToDictionary(l => l.ItemId, l => l.Light);
        var open = RectificationLedger.All(connection).Where(i => i.Status.IsOpen() && (centerCode is null || i.CenterCode == centerCode)).ToList();
        if (centerCode is not null && open.Count == 0)
            throw new RectificationException(Messages.NothingOpenAt(centerCode));
        var files = new List<string>();
        foreach (var center in open.GroupBy(i => i.CenterCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = center.First().CenterName ?? center.Key;
            var path = Path.Combine(folder, $"{Feed.RectificationUpdates.ChineseName}_{center.Key}_{today:yyyyMMdd}.xlsx");
            Write(path, Messages.LedgerTitle(name, today, center.Count()), center.Select(i => new object?[]
            {
                i.DocNumber, i.Description, i.Requirement, i.WindowCode is null ? name : Messages.LedgerUnitWindow(name, i.WindowCode), i.Responsible,
                i.Deadline?.ToString("yyyy-MM-dd"), i.Measures, i.Evidence, i.CompletedOn?.ToString("yyyy-MM-dd"), i.StatusName,
                i.Status == RectificationStatus.Returned ? Messages.LedgerReturned(i.ReturnedCount) : "", lights.GetValueOrDefault(i.ItemId) ?? "", null,
            }).ToList());
            files.Add(path);
        }
        return files;
    }

    private static void Write(string path, string title, List<object?[]> rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint r = 1;
        data.Append(Row(r++, [title]));
        data.Append(Row(r++, Header));
        foreach (var row in rows) data.Append(Row(r++, row));
        var last = Math.Max(r + 200, 300);
        var statusColumn = Letter(Array.IndexOf(Header, Col("status")));
        var widths = new Columns(Header.Select((h, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), CustomWidth = true,
            Width = h is Messages.LedgerProblem or Messages.LedgerRequirement ? 48 : h == Col("measures") || h == Col("evidence") ? 36 : 14,
        }));
        sheetPart.Worksheet = new Worksheet(widths, data,
            new DataValidations(new DataValidation(
                new Formula1($"\"{string.Join(",", RectificationStatuses.TownshipChoices)}\""))
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ErrorTitle = Col("status"),
                Error = Messages.LedgerStatusChoices(RectificationStatuses.TownshipChoices),
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{statusColumn}3:{statusColumn}{last}" },
            }) { Count = 1 });
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = Messages.LedgerSheet });
        workbook.Workbook.Save();
    }

    private static Row Row(uint index, IEnumerable<object?> values)
    {
        var row = new Row { RowIndex = index };
        var i = 0;
        foreach (var v in values)
        {
            var reference = $"{Letter(i++)}{index}";
            if (v is null) continue;
            row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString()!)) });
        }
        return row;
    }

    private static string Letter(int i) => i < 26 ? ((char)('A' + i)).ToString() : $"{(char)('A' + i / 26 - 1)}{(char)('A' + i % 26)}";
}
