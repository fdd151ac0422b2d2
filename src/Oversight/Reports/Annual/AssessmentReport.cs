using Oversight.Reports.Workbooks;

namespace Oversight.Reports.Annual;

/// <summary>Writes an assessment: HTML, Markdown, Word and (with Chromium) PDF through the templates, and beside them
/// a workbook of the scores and every scored line, for the townships to check line by line.</summary>
public static class AssessmentReport
{
    public sealed record Files(ReportFiles Report, string Xlsx)
    {
        public IReadOnlyList<string> All => [.. Report.All, Xlsx];
    }

    public static Files Write(TemplateFolder templates, AnnualAssessmentReport report, string outDir, string fileBase, bool pdf = true)
    {
        var files = ReportWriter.Write(templates, "annual/assessment", report, outDir, fileBase, pdf);
        var xlsx = Path.Combine(outDir, fileBase + ".xlsx");
        WorkbookWriter.Write(xlsx, Sheets(report));
        return new Files(files, xlsx);
    }

    public static readonly string[] SheetNames = Messages.AssessmentSheetNames;

    /// <summary>The ranking as the document prints it, and every scored line of every subject, figures as numbers
    /// (laid out from the catalogue's specs with the documents' tables).</summary>
    public static IReadOnlyList<SheetTable> Sheets(AnnualAssessmentReport r) =>
        r.Tables is { } t ? [t.RankingSheet, t.LinesSheet] : throw new InvalidOperationException("the report's tables are not laid out");
}
