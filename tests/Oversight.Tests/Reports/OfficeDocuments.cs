using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Oversight.Tests.Reports;

/// <summary>Runs only where LibreOffice is installed; elsewhere skipped with the reason and the fix.</summary>
public sealed class SofficeFactAttribute : FactAttribute
{
    public SofficeFactAttribute()
    {
        if (OfficeDocuments.Soffice() is null) Skip = OfficeDocuments.MissingSoffice;
    }
}

/// <summary>Reads the Word documents back: through the OpenXml library (the parts a GB/T 9704 check needs) and
/// through LibreOffice, which lays them out as an office's word processor would and prints them to PDF.</summary>
internal static class OfficeDocuments
{
    /// <summary>LibreOffice's soffice, or null (then the conversion checks are skipped with the reason).</summary>
    public static string? Soffice() =>
        new[] { "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    public const string MissingSoffice = "需要 LibreOffice（soffice）把 Word 文档转成 PDF：运行 .ci/install-deps 安装 libreoffice-writer-nogui";

    /// <summary>Converts the documents to PDF in one LibreOffice run (with its own profile, so parallel runs do not
    /// share one); returns each PDF's path.</summary>
    public static List<string> ToPdf(string soffice, string outDir, params string[] docx)
    {
        Directory.CreateDirectory(outDir);
        var profile = Path.Combine(outDir, ".lo-profile");
        var psi = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir })
            psi.ArgumentList.Add(a);
        foreach (var d in docx) psi.ArgumentList.Add(d);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "LibreOffice did not finish in 3 minutes");
        var pdfs = docx.Select(d => Path.Combine(outDir, Path.GetFileNameWithoutExtension(d) + ".pdf")).ToList();
        foreach (var pdf in pdfs) Assert.True(File.Exists(pdf), $"no {pdf}: {stdout.Result} {stderr}");
        // For looking at the pages: OVERSIGHT_TEST_OUTPUT=/some/dir keeps a copy of every converted document there.
        if (Environment.GetEnvironmentVariable("OVERSIGHT_TEST_OUTPUT") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            foreach (var f in pdfs.Concat(docx)) File.Copy(f, Path.Combine(keep, Path.GetFileName(f)), overwrite: true);
        }
        return pdfs;
    }

    /// <summary>The first page's size in points (pdfinfo).</summary>
    public static (double Width, double Height) PageSize(string pdf)
    {
        var info = Run("pdfinfo", pdf);
        var m = System.Text.RegularExpressions.Regex.Match(info, @"Page size:\s+([\d.]+) x ([\d.]+) pts");
        return (double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>How far down <paramref name="page"/> (points from the top) the last word of <paramref name="text"/>'s
    /// line ends: pdftotext -bbox.</summary>
    public static double LowestLine(string pdf, int page, string text)
    {
        var xml = Run("pdftotext", "-bbox", "-f", page.ToString(), "-l", page.ToString(), pdf, "-");
        var words = System.Text.RegularExpressions.Regex.Matches(xml, "<word xMin=\"[\\d.]+\" yMin=\"[\\d.]+\" xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\">([^<]*)</word>");
        return words.Where(w => text.Contains(w.Groups[2].Value) || w.Groups[2].Value.Contains(text[..2]))
            .Select(w => double.Parse(w.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
    }

    private static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }

    public static Body Body(WordprocessingDocument doc) => doc.MainDocumentPart!.Document!.Body!;

    /// <summary>The style a paragraph uses, and what its runs override, resolved to the font it prints in (East Asian).</summary>
    public static string? EastAsiaFont(WordprocessingDocument doc, Paragraph p)
    {
        var run = p.Elements<Run>().FirstOrDefault();
        if (run?.RunProperties?.RunFonts?.EastAsia?.Value is { } direct) return direct;
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        for (var id = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value; id is not null;)
        {
            var style = styles.Elements<Style>().Single(s => s.StyleId == id);
            if (style.StyleRunProperties?.RunFonts?.EastAsia?.Value is { } font) return font;
            id = style.BasedOn?.Val?.Value;
        }
        return styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!.EastAsia!.Value;
    }

    public static string Text(Paragraph p) => string.Concat(p.Descendants<Text>().Select(t => t.Text));
}
