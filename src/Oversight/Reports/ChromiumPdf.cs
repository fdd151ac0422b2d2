using System.Diagnostics;

namespace Oversight.Reports;

/// <summary>Prints an HTML file to PDF (or a screenshot) with headless Chromium, when one is installed.</summary>
public static class ChromiumPdf
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    /// <summary>OVERSIGHT_CHROMIUM, else the usual Debian/Ubuntu locations, else null.</summary>
    public static string? FindBrowser()
    {
        var configured = Environment.GetEnvironmentVariable("OVERSIGHT_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        return Candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Prints with the page numbers print.css puts in the page margins (not Chromium's own header and
    /// footer) and without the PDF structure tree: tagging every table cell made the 140-page assessment 7.4 MB
    /// instead of 0.6 MB; the text stays searchable and copyable either way.</summary>
    public static void PrintToPdf(string browser, string htmlPath, string pdfPath) =>
        Run(browser, htmlPath, $"--print-to-pdf={pdfPath}", "--no-pdf-header-footer", "--disable-pdf-tagging");

    public static void Screenshot(string browser, string htmlPath, string pngPath, int width = 1240, int height = 1754) =>
        Run(browser, htmlPath, $"--screenshot={pngPath}", $"--window-size={width},{height}");

    /// <summary>The document as Chromium parsed it (after layout), for checking what a reader's browser sees.</summary>
    public static string DumpDom(string browser, string htmlPath) => Run(browser, htmlPath, "--dump-dom");

    /// <summary>The 140-page assessment prints in seconds; a browser still going after this has hung.</summary>
    private const int TimeoutSeconds = 120;

    private static string Run(string browser, string htmlPath, params string[] action)
    {
        var profile = Directory.CreateTempSubdirectory("oversight-chromium-");
        try
        {
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // Flags for a closed network and a root user: no sandbox, no background connections, a fresh profile.
            foreach (var flag in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}",
                     })
                start.ArgumentList.Add(flag);
            foreach (var a in action) start.ArgumentList.Add(a);
            start.ArgumentList.Add(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);

            using var process = Process.Start(start) ?? throw new ReportException(Messages.BrowserNotStarted(browser));
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(TimeoutSeconds)))
            {
                process.Kill(entireProcessTree: true);
                throw new ReportException(Messages.BrowserTimedOut(browser, TimeoutSeconds));
            }
            if (process.ExitCode != 0)
                throw new ReportException(Messages.BrowserFailed(browser, process.ExitCode, stderr.Result.Trim()));
            return stdout.Result;
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { /* Chromium may still hold a lock file briefly */ }
        }
    }
}
