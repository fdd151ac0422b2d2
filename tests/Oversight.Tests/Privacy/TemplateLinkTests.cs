using System.Diagnostics;

namespace Oversight.Tests.Privacy;

/// <summary>
/// Templates are edited by staff who must not read the personal-data key or the server's files. Through the real
/// program: a symbolic link (to the key, to /etc/passwd, a linked folder) or a hard link placed in the templates folder,
/// included or used as the main template, is refused in Chinese naming the template and line, and no byte of what it
/// points to reaches the output or any file written. The untouched templates (which include shared/print.css) render.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // links
public sealed class TemplateLinkTests(TemplateLinkTests.Warehouse warehouse) : IClassFixture<TemplateLinkTests.Warehouse>, IDisposable
{
    /// <summary>One small warehouse with a March for every test of the class: the tests only change templates.</summary>
    public sealed class Warehouse : IDisposable
    {
        private readonly TempDir _dir = new();
        public string Db => _dir.File("w.duckdb");

        public Warehouse() => OneMarchWarehouse.Build(_dir);

        public void Dispose() => _dir.Dispose();
    }

    private readonly TempDir _dir = new();
    private string Db => warehouse.Db;
    private string Templates => _dir.File("tpl");
    private string Out => _dir.File("out");
    private string Key => File.ReadAllText(Db + ".key").Trim();

    private string CopyTemplates()
    {
        var shipped = new Oversight.Reports.TemplateFolder().Root;
        foreach (var file in Directory.GetFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Templates, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return Templates;
    }

    public void Dispose() => _dir.Dispose();

    private CliProcess.Result Report() =>
        CliProcess.Run(["report", "monthly", "--db", Db, "--month", "2026-03", "--out", Out, "--templates", Templates, "--no-pdf"]);

    private void IncludeOnLine5(string name)
    {
        var path = Path.Combine(Templates, "monthly", "briefing.html.sbn");
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(4, $"<p>{{{{ include '{name}' }}}}</p>");
        File.WriteAllLines(path, lines);
    }

    private void AssertNothingOf(string secret, CliProcess.Result result)
    {
        Assert.DoesNotContain(secret, result.StdOut + result.StdErr);
        if (!Directory.Exists(Out)) return;
        foreach (var file in Directory.GetFiles(Out, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain(secret, File.ReadAllText(file));
    }

    [Fact]
    public void The_shipped_templates_with_their_include_still_render()
    {
        CopyTemplates();
        var result = Report();
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        Assert.Contains("@page", File.ReadAllText(Directory.GetFiles(Out, "*.html").Single())); // shared/print.css, included
    }

    [Fact]
    public void An_include_of_a_link_to_the_key_is_refused_naming_the_template_and_line_and_the_key_is_nowhere()
    {
        CopyTemplates();
        var link = Path.Combine(Templates, "monthly", "k.txt");
        File.CreateSymbolicLink(link, Path.GetRelativePath(Path.GetDirectoryName(link)!, Db + ".key")); // ln -s ../../…/w.duckdb.key
        IncludeOnLine5("monthly/k.txt");

        var result = Report();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("模板 monthly/briefing.html.sbn 第 5 行", result.StdErr);
        Assert.Contains("拒绝引用“monthly/k.txt”", result.StdErr);
        Assert.Contains("模板文件夹之外", result.StdErr);
        AssertNothingOf(Key, result);
    }

    [Fact]
    public void An_include_of_a_link_to_etc_passwd_or_through_a_linked_folder_is_refused()
    {
        CopyTemplates();
        File.CreateSymbolicLink(Path.Combine(Templates, "monthly", "p.txt"), "/etc/passwd");
        IncludeOnLine5("monthly/p.txt");
        var direct = Report();
        Assert.Equal(1, direct.ExitCode);
        Assert.Contains("拒绝引用“monthly/p.txt”", direct.StdErr);
        AssertNothingOf("root:", direct);

        Directory.CreateSymbolicLink(Path.Combine(Templates, "etc"), "/etc");
        IncludeOnLine5("etc/passwd");
        var folder = Report();
        Assert.Equal(1, folder.ExitCode);
        Assert.Contains("第 5 行", folder.StdErr);
        Assert.Contains("拒绝引用“etc/passwd”", folder.StdErr);
        AssertNothingOf("root:", folder);
    }

    [Fact]
    public void A_main_template_that_is_a_link_to_the_key_is_refused()
    {
        CopyTemplates();
        var main = Path.Combine(Templates, "monthly", "briefing.md.sbn");
        File.Delete(main);
        File.CreateSymbolicLink(main, Db + ".key");

        var result = Report();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("briefing.md.sbn", result.StdErr);
        Assert.Contains("被拒绝", result.StdErr);
        AssertNothingOf(Key, result);
    }

    [Fact]
    public void A_hard_link_to_the_key_inside_the_folder_is_refused()
    {
        CopyTemplates();
        var link = Path.Combine(Templates, "monthly", "h.txt");
        using (var ln = Process.Start("ln", [Db + ".key", link])) ln.WaitForExit();
        Assert.True(File.Exists(link));
        IncludeOnLine5("monthly/h.txt");

        var result = Report();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("硬链接", result.StdErr);
        AssertNothingOf(Key, result);
    }
}
