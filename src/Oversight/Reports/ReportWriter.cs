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
        if (!pdf) return new ReportFiles(html, markdown, null, Messages.PdfNotRequested) { Docx = docx };

        var browser = ChromiumPdf.FindBrowser();
        if (browser is null) return new ReportFiles(html, markdown, null, Messages.ChromiumMissing) { Docx = docx };
        var pdfPath = Path.Combine(outDir, fileBase + ".pdf");
        AtomicFile.Publish(pdfPath, confidential ? AtomicFile.Confidential : AtomicFile.Shared, staged => ChromiumPdf.PrintToPdf(browser, html, staged));
        return new ReportFiles(html, markdown, pdfPath, null) { Docx = docx };
    }

    /// <summary>Creates the folder owner-only. An existing one is used only when it is plainly the user's own: owned
    /// by them, writable by no one else and holding nothing of anyone else's; then read access others had is
    /// removed. A shared folder (/tmp-like 1777, a group folder) is refused, never chmod-ed: that would lock its other
    /// users out, and what they can put in it (links, planted files) could catch the plan.</summary>
    public static void PrepareRestrictedFolder(string dir)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
            return;
        }
        var full = Path.GetFullPath(dir);
        if (!Path.Exists(full))
        {
            Directory.CreateDirectory(full, OwnerOnlyFolder);
            return;
        }
        if (RestrictedFolderProblem(full) is { } problem)
            throw new ReportException(Messages.RestrictedFolderRefused(full, problem));
        if (File.GetUnixFileMode(full) != OwnerOnlyFolder) File.SetUnixFileMode(full, OwnerOnlyFolder);
    }

    private static string? RestrictedFolderProblem(string dir)
    {
        const UnixFileMode othersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        if (Ingest.InboxEntry.Stat(dir) is not { Kind: Ingest.EntryKind.Directory } stat) return Messages.RestrictedFolderNotAFolder;
        var me = Ingest.InboxEntry.CurrentUser;
        if (stat.Owner != me) return Messages.RestrictedFolderOtherOwner;
        if ((stat.Mode & (othersWrite | UnixFileMode.StickyBit)) != 0)
            return Messages.RestrictedFolderShared(Convert.ToString((int)stat.Mode, 8).PadLeft(4, '0'));
        foreach (var entry in Directory.EnumerateFileSystemEntries(dir))
        {
            var own = new FileInfo(entry).LinkTarget is null ? Ingest.InboxEntry.Stat(entry)?.Owner : me;
            if (own != me) return Messages.RestrictedFolderHoldsOthers(Path.GetFileName(entry));
        }
        return null;
    }

    /// <summary>Whole or not at all, with its final mode: shared reports get the user's umask, confidential ones 0600.</summary>
    private static void WriteText(string path, string text, bool confidential) =>
        AtomicFile.WriteText(path, text, confidential ? AtomicFile.Confidential : AtomicFile.Shared);
}
