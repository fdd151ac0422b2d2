using System.Globalization;
using Oversight.Reports.Figures;
using Oversight.Reports.Workbooks;

namespace Oversight.Reports.Annual;

/// <summary>A row of an assessment table: the printed text of each of its fields by the name the column specs use
/// (report-templates/figures.json, assessment_tables); null for a field it does not have.</summary>
public interface IAssessmentRow
{
    string? Field(string name);

    /// <summary>The per-quarter cells a "quarters" column opens into.</summary>
    IReadOnlyList<string> QuarterCells => [];

    /// <summary>What the row is about (the HTML row's data-center), "" for none.</summary>
    string RowKey => "";
}

/// <summary>The assessment's tables as the documents and the workbook print them, laid out from the catalogue's specs.</summary>
public sealed record AssessmentTableSet(FigureTable Rules, FigureTable Ranking, FigureTable RankingDocx, FigureTable Appeals,
    FigureTable Accountability, IReadOnlyList<TableColumn> LineColumns, SheetTable RankingSheet, SheetTable LinesSheet);

/// <summary>Lays out assessment tables from a column spec: each spec column is a field of the row ("quarters" opens into
/// one column per quarter assessed), so a county edits headers and order in figures.json, and the document's table and
/// the workbook's sheet come from the same rows.</summary>
public static class AssessmentTables
{
    private sealed record Column(string Header, string Class, Func<IAssessmentRow, string> Text);

    private static List<Column> Columns(string table, IReadOnlyList<ColumnSpec> spec, IReadOnlyList<string> quarterHeaders) =>
        spec.SelectMany(c => c.Fixed == "quarters"
            ? quarterHeaders.Select((h, i) => new Column(h, c.Class, r => r.QuarterCells[i]))
            : [new Column(c.Header, c.Class, r => r.Field(c.Fixed ?? "")
                ?? throw new ReportException(Messages.FigureTableField(table, c.Fixed ?? c.Header, FigureCatalogue.FileName)))]).ToList();

    /// <param name="omit">Fields the report leaves out (e.g. 部分 when the scheme has no parts).</param>
    public static FigureTable Table(string id, FigureCatalogue catalogue, string table, IEnumerable<IAssessmentRow> rows,
        IReadOnlyList<string>? quarterHeaders = null, IReadOnlyCollection<string>? omit = null)
    {
        var columns = Columns(table, catalogue.Table(table).Where(c => omit is null || !omit.Contains(c.Fixed ?? "")).ToList(), quarterHeaders ?? []);
        return new FigureTable(id, columns.Select(c => new TableColumn(c.Header, c.Class == "num" ? "num" : "")).ToList(),
            rows.Select(r => Row(r, columns)).ToList());
    }

    /// <summary>The column headers of a table printed in groups by the templates (the appendix's lines).</summary>
    public static IReadOnlyList<TableColumn> Headers(FigureCatalogue catalogue, string table) =>
        Columns(table, catalogue.Table(table), []).Select(c => new TableColumn(c.Header, c.Class == "num" ? "num" : "")).ToList();

    public static IReadOnlyList<TableRow> Rows(FigureCatalogue catalogue, string table, IEnumerable<IAssessmentRow> rows)
    {
        var columns = Columns(table, catalogue.Table(table), []);
        return rows.Select(r => Row(r, columns)).ToList();
    }

    /// <summary>Every table of the report, from the specs of its subject (乡镇长 or staff), and the appendix's rows.</summary>
    public static AnnualAssessmentReport LaidOut(AnnualAssessmentReport r, FigureCatalogue catalogue)
    {
        var staff = r.IsStaff ? "staff_" : "";
        var appendix = r.Appendix.Select(a => a with
        {
            Quarters = a.Quarters.Select(q => q with { Rows = Rows(catalogue, "assessment.lines", q.Lines) }).ToList(),
        }).ToList();
        return r with
        {
            Appendix = appendix,
            Tables = new AssessmentTableSet(
                Table("rules", catalogue, "assessment.rules", r.Rules, omit: r.Parts.Count == 0 ? ["part"] : null),
                Table("ranking", catalogue, $"assessment.{staff}ranking", r.Ranking, r.QuarterHeaders),
                Table("ranking", catalogue, $"assessment.{staff}ranking.docx", r.Ranking, r.QuarterHeaders),
                Table("appeals", catalogue, "assessment.appeals", r.Appeals),
                Table("accountability-table", catalogue, "assessment.accountability", r.Accountability),
                Headers(catalogue, "assessment.lines"),
                Sheet(AssessmentReport.SheetNames[0], catalogue, $"assessment.{staff}ranking.sheet", r.Ranking, r.QuarterHeaders),
                Sheet(AssessmentReport.SheetNames[1], catalogue, $"assessment.{staff}lines.sheet",
                    appendix.SelectMany(s => s.Quarters.SelectMany(q => q.Lines.Select(l => new SheetLine(s, q, l)))), [])),
        };
    }

    private static TableRow Row(IAssessmentRow r, List<Column> columns) =>
        new(r.RowKey, "", columns.Select(c => new TableCell(c.Text(r), c.Class == "num" ? "num" : c.Class, "")).ToList());

    /// <summary>A workbook sheet: a "num" column as the number the document prints, a "date" column as a date, the rest as text.</summary>
    public static SheetTable Sheet(string name, FigureCatalogue catalogue, string table, IEnumerable<IAssessmentRow> rows,
        IReadOnlyList<string> quarterHeaders)
    {
        var columns = Columns(table, catalogue.Table(table), quarterHeaders);
        return new SheetTable(name, columns.Select(c => c.Header).ToList(),
            rows.Select(r => columns.Select(c => c.Class switch
            {
                "num" => Num(c.Text(r)),
                "date" => Day(c.Text(r)),
                _ => (object?)c.Text(r),
            }).ToArray()).ToList());
    }

    /// <summary>A printed figure ("12.5", "+2", "−1.5") as its number; "—" or text stays as it is printed.</summary>
    private static object? Num(string text)
    {
        var t = text.Replace(",", "").Replace('−', '-').TrimStart('+');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : text.Length == 0 || text == "—" ? null : text;
    }

    private static object Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : text;
}
