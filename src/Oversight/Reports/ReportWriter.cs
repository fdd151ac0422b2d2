namespace Oversight.Reports;

/// <summary>Where a rendered report went; <see cref="PdfNote"/> says why there is no PDF when there is none.</summary>
public sealed record ReportFiles(string Html, string Markdown, string? Pdf, string? PdfNote)
{
    /// <summary>The Word document (GB/T 9704 form), when the template folder has a Word template for the report.</summary>
    public string? Docx { get; init; }

    public IReadOnlyList<string> All => new[] { Html, Markdown, Pdf, Docx }.OfType<string>().ToList();
}

/// <summary>Renders one view model through a template pair (name.html.sbn, name.md.sbn) to HTML, Markdown and PDF.</summary>
public static class ReportWriter
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <param name="confidential">Owner-only folder (0700) and files (0600): for the inspection plan.</param>
    public static ReportFiles Write(TemplateFolder templates, string templateBase, object model, string outDir, string fileBase,
        bool pdf = true, bool confidential = false)
    {
        if (confidential) PrepareRestrictedFolder(outDir);
        else Privacy.OwnerOnly.CreateSharedDirectory(outDir); // reports are meant to be shared: the user's umask, not 077
        var html = Path.Combine(outDir, fileBase + ".html");
        var markdown = Path.Combine(outDir, fileBase + ".md");
        // Render both before writing either, so a template mistake leaves no half-written report behind.
        var htmlText = templates.Render(templateBase + ".html.sbn", model, TextEscaping.Html);
        var mdText = templates.Render(templateBase + ".md.sbn", model, TextEscaping.Markdown);
        var docxMarkup = Docx.DocxReport.Render(templates, templateBase, model);
        WriteText(html, htmlText, confidential);
        WriteText(markdown, mdText, confidential);
        var docx = docxMarkup is null ? null : Path.Combine(outDir, fileBase + ".docx");
        if (docxMarkup is not null) Docx.DocxReport.Write(docxMarkup, docx!, confidential);
        if (!pdf) return new ReportFiles(html, markdown, null, "未要求生成 PDF") { Docx = docx };

        var browser = ChromiumPdf.FindBrowser();
        if (browser is null) return new ReportFiles(html, markdown, null, ChromiumPdf.MissingMessage) { Docx = docx };
        var pdfPath = Path.Combine(outDir, fileBase + ".pdf");
        ChromiumPdf.PrintToPdf(browser, html, pdfPath);
        if (confidential && !OperatingSystem.IsWindows()) File.SetUnixFileMode(pdfPath, OwnerOnlyFile);
        else if (!confidential) Privacy.OwnerOnly.Share(pdfPath);
        return new ReportFiles(html, markdown, pdfPath, null) { Docx = docx };
    }

    /// <summary>Creates the folder owner-only, or tightens an existing one to owner-only.</summary>
    public static void PrepareRestrictedFolder(string dir)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
            return;
        }
        Directory.CreateDirectory(dir, OwnerOnlyFolder);
        if (File.GetUnixFileMode(dir) != OwnerOnlyFolder) File.SetUnixFileMode(dir, OwnerOnlyFolder);
    }

    private static void WriteText(string path, string text, bool confidential)
    {
        if (!confidential || OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, text);
            if (!confidential) Privacy.OwnerOnly.Share(path);
            return;
        }
        // Replace rather than overwrite, so an older file's looser mode cannot survive.
        File.Delete(path);
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile,
        });
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
