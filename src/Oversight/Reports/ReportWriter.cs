namespace Oversight.Reports;

/// <summary>Where a rendered report went; <see cref="PdfNote"/> says why there is no PDF when there is none.</summary>
public sealed record ReportFiles(string Html, string Markdown, string? Pdf, string? PdfNote);

/// <summary>Renders one view model through a template pair (name.html.sbn, name.md.sbn) to HTML, Markdown and PDF.</summary>
public static class ReportWriter
{
    public static ReportFiles Write(TemplateFolder templates, string templateBase, object model, string outDir, string fileBase, bool pdf = true)
    {
        Directory.CreateDirectory(outDir);
        var html = Path.Combine(outDir, fileBase + ".html");
        var markdown = Path.Combine(outDir, fileBase + ".md");
        // Render both before writing either, so a template mistake leaves no half-written report behind.
        var htmlText = templates.Render(templateBase + ".html.sbn", model, TextEscaping.Html);
        var mdText = templates.Render(templateBase + ".md.sbn", model, TextEscaping.Markdown);
        File.WriteAllText(html, htmlText);
        File.WriteAllText(markdown, mdText);
        if (!pdf) return new ReportFiles(html, markdown, null, "未要求生成 PDF");

        var browser = ChromiumPdf.FindBrowser();
        if (browser is null) return new ReportFiles(html, markdown, null, ChromiumPdf.MissingMessage);
        var pdfPath = Path.Combine(outDir, fileBase + ".pdf");
        ChromiumPdf.PrintToPdf(browser, html, pdfPath);
        return new ReportFiles(html, markdown, pdfPath, null);
    }
}
