using Oversight.Calendar;
namespace Oversight.Reports.Monthly;

/// <summary>Writes a monthly briefing: HTML, Markdown and (with Chromium) PDF through the templates, and the annex
/// tables as an XLSX beside them.</summary>
public static class MonthlyReport
{
    public sealed record Files(ReportFiles Report, string Xlsx)
    {
        public IReadOnlyList<string> All => [.. Report.All, Xlsx];
    }

    /// <summary>月度通报_2026-10 when issued; a draft's names say 草稿, so it is never mistaken for (or overwrites) the issued one.</summary>
    public static string FileBase(Month month, bool draft) => $"{Messages.MonthlyFileStem}_{month.FileTag}" + (draft ? "_" + Messages.DraftFileTag : "");

    /// <summary>The folder of the townships' packs beside the briefing: 乡镇分送_2026-10.</summary>
    public static string PackFolder(Month month, bool draft) => $"{Messages.PackFileStem}_{month.FileTag}" + (draft ? "_" + Messages.DraftFileTag : "");

    public static Files Write(TemplateFolder templates, MonthlyBriefing briefing, string outDir, string fileBase, bool pdf = true)
    {
        var xlsx = Path.Combine(outDir, fileBase + ".xlsx");
        var model = briefing with { WorkbookFile = Path.GetFileName(xlsx) };
        var report = ReportWriter.Write(templates, "monthly/briefing", model, outDir, fileBase, pdf);
        MonthlyWorkbook.Write(xlsx, model, Figures.FigureCatalogue.Load(templates)); // shared like the briefing beside it
        return new Files(report, xlsx);
    }
}
