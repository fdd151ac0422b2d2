using Oversight.Reports.Workbooks;

namespace Oversight.Reports.Figures;

/// <summary>A table as the templates lay it out (report-templates/shared/table.*.sbn): headers and rows of printed
/// cells, already formatted through the figure catalogue. <see cref="Id"/> is the HTML table's id.</summary>
public sealed record FigureTable(string Id, IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows);

/// <summary>A column header; <see cref="Class"/> is "num" for a figure (right-aligned), "center" for a center's name.</summary>
public sealed record TableColumn(string Header, string Class);

/// <summary>A row: <see cref="Key"/> names what it is about (a center's code, "" for none), <see cref="Class"/> marks it
/// (red, black).</summary>
public sealed record TableRow(string Key, string Class, IReadOnlyList<TableCell> Cells);

/// <summary>A printed cell; <see cref="Note"/> is printed beside the text in parentheses (（红榜）), "" for none.</summary>
public sealed record TableCell(string Text, string Class, string Note);

/// <summary>A center's row as the query returned it (column → value) with what the table adds: rank, name, 红榜/黑榜.</summary>
public sealed record CenterRow(long Rank, string Code, string Name, string List, IReadOnlyDictionary<string, object?> Values)
{
    public double? Value(string key) => Values.TryGetValue(key, out var v) ? Figure.Number(v, key)
        : throw new ReportException(Messages.FigureNotInQuery(key, FigureCatalogue.FileName));
}

/// <summary>Lays out center tables from a column spec: the same rows and spec give the documents' table and the
/// workbook's sheet, so they cannot disagree.</summary>
public static class CenterTables
{
    public static FigureTable Table(string id, IReadOnlyList<ColumnSpec> spec, IReadOnlyList<CenterRow> rows) => new(id,
        spec.Select(c => new TableColumn(c.Header, c.Fixed == "center" ? "center" : c.IsNumeric ? "num" : "")).ToList(),
        rows.Select(r => new TableRow(r.Code, r.List switch { Messages.RedList => "red", Messages.BlackList => "black", _ => "" },
            spec.Select(c => Cell(c, r)).ToList())).ToList());

    private static TableCell Cell(ColumnSpec c, CenterRow r) => c.Fixed switch
    {
        "rank" => new TableCell(r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), "num", ""),
        "center" => new TableCell(r.Name, "center", r.List),
        "center_code" => new TableCell(r.Code, "", ""),
        "list" => new TableCell(r.List, "", ""),
        _ => new TableCell(string.Join("/", c.Figures.Select(f => f.Show(r.Value(f.Key)))), "num", ""),
    };

    /// <summary>The sheet of a workbook: a column per figure (a joined column split in two), numbers as the numbers
    /// the documents print, the center's name without its note.</summary>
    public static SheetTable Sheet(string name, IReadOnlyList<ColumnSpec> spec, IReadOnlyList<CenterRow> rows)
    {
        var header = spec.SelectMany(c => c.Fixed is not null ? [c.Header] : c.Figures.Select(f => f.SheetHeader)).ToList();
        var body = rows.Select(r => spec.SelectMany(c => c.Fixed switch
        {
            "rank" => [r.Rank],
            "center" => [r.Name],
            "center_code" => [r.Code],
            "list" => [r.List],
            _ => c.Figures.Select(f => f.Cell(r.Value(f.Key))),
        }).ToArray()).ToList();
        return new SheetTable(name, header, body);
    }
}
