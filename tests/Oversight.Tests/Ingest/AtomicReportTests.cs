using System.Diagnostics;

namespace Oversight.Tests.Ingest;

/// <summary>Report files appear whole with their final mode or not at all, through the real CLI: a report killed while
/// its PDF is being printed leaves nothing half-written in the shared reports folder. The browser is a stand-in script
/// that writes part of a PDF and then hangs (or finishes), so the test controls when the kill comes.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class AtomicReportTests
{
    private static TestWarehouse Warehouse()
    {
        var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases.csv", """
            case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status
            A,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,2026-03-05 10:00,已办结
            B,511922101,W101,I03,承诺件,窗口,2026-03-16 09:00,2026-03-18 10:00,已办结
            """);
        w.Ingest();
        w.Close();
        return w;
    }

    /// <summary>A "browser" that writes a partial PDF where it is told to, then sleeps or exits.</summary>
    private static string FakeBrowser(string folder, bool hang)
    {
        var script = Path.Combine(folder, "fake-chromium.sh");
        File.WriteAllText(script, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) out=\"${a#--print-to-pdf=}\";; esac; done\n" +
                                  "printf '%%PDF-1.4 partial' > \"$out\"\n" + (hang ? "touch \"$out.started\"; sleep 60\n" : "printf ' done' >> \"$out\"\n"));
        File.SetUnixFileMode(script, (UnixFileMode)Convert.ToInt32("755", 8));
        return script;
    }

    [Fact]
    public void A_report_killed_while_printing_leaves_nothing_half_written_in_the_reports_folder()
    {
        using var w = Warehouse();
        var reports = Path.Combine(w.Root, "reports");
        var browser = FakeBrowser(w.Root, hang: true);
        using (var child = StartWithUmask022(browser, "report", "monthly", "--month", "2026-03", "--db", w.DbPath, "--out", reports))
        {
            // Wait until the browser has started writing (its marker sits beside the PDF it writes), then kill everything.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string? marker = null;
            while (DateTime.UtcNow < deadline && !child.HasExited &&
                   (marker = Directory.GetFiles(Path.GetTempPath(), "*.started", SearchOption.AllDirectories)
                       .FirstOrDefault(f => f.Contains("oversight-report-") && File.GetLastWriteTimeUtc(f) > DateTime.UtcNow.AddMinutes(-1))) is null)
                Thread.Sleep(50);
            Assert.NotNull(marker);
            Assert.DoesNotContain(reports, marker); // the partial PDF is written in a private staging folder
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            Directory.Delete(Path.GetDirectoryName(marker)!, recursive: true);
        }

        var left = Directory.GetFiles(reports).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["月度通报_2026-03_草稿.docx", "月度通报_2026-03_草稿.html", "月度通报_2026-03_草稿.md"], left); // whole files only: no PDF, no temp, no workbook
        Assert.All(Directory.GetFiles(reports), f => Assert.Equal(Convert.ToInt32("644", 8), (int)File.GetUnixFileMode(f)));
    }

    [Fact]
    public void A_finished_report_has_every_file_whole_with_the_shared_mode_and_nothing_else()
    {
        using var w = Warehouse();
        var reports = Path.Combine(w.Root, "reports");
        using var child = StartWithUmask022(FakeBrowser(w.Root, hang: false), "report", "monthly", "--month", "2026-03", "--db", w.DbPath, "--out", reports);
        var output = child.StandardOutput.ReadToEnd() + child.StandardError.ReadToEnd();
        child.WaitForExit();

        Assert.True(child.ExitCode == 0, output);
        var files = Directory.GetFiles(reports).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["月度通报_2026-03_草稿.docx", "月度通报_2026-03_草稿.html", "月度通报_2026-03_草稿.md", "月度通报_2026-03_草稿.pdf", "月度通报_2026-03_草稿.xlsx"], files);
        Assert.Equal("%PDF-1.4 partial done", File.ReadAllText(Path.Combine(reports, "月度通报_2026-03_草稿.pdf")));
        Assert.All(Directory.GetFiles(reports), f => Assert.Equal(Convert.ToInt32("644", 8), (int)File.GetUnixFileMode(f)));
    }

    /// <summary>The CLI under the usual server umask 022 (this test process runs under 077 once a warehouse is opened),
    /// so shared report files are 0644 and a file left owner-only would show.</summary>
    private static Process StartWithUmask022(string browser, params string[] args)
    {
        var psi = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-c", "umask 022 && exec dotnet \"$0\" \"$@\"", CliProcess.DllPath, .. args]) psi.ArgumentList.Add(a);
        psi.Environment["OVERSIGHT_CHROMIUM"] = browser;
        return Process.Start(psi)!;
    }
}
