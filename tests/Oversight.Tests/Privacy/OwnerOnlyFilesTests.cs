using System.Diagnostics;
using Oversight.Privacy;

namespace Oversight.Tests.Privacy;

/// <summary>Runs only where a second local account can be used: as root, with runuser and the nobody account.</summary>
public sealed class SecondAccountFactAttribute : FactAttribute
{
    public SecondAccountFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "needs Linux file modes";
        else if (Environment.UserName != "root") Skip = "needs root to run a command as the nobody account (runuser)";
        else if (!File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser")) Skip = "runuser is not installed";
        else if (!File.ReadAllText("/etc/passwd").Contains("\nnobody:")) Skip = "there is no nobody account";
    }
}

/// <summary>What holds personal data is owner-only whatever the umask; what is meant to be shared keeps it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyFilesTests
{
    private static readonly UnixFileMode Shared = (UnixFileMode)Convert.ToInt32("755", 8);

    /// <summary>The real program under umask 022, as a county server's root shell runs it.</summary>
    private static Process StartUnderUmask022(params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("umask 022; exec dotnet \"$@\"");
        psi.ArgumentList.Add("oversight");
        psi.ArgumentList.Add(CliProcess.DllPath);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    private static (int Code, string Out) Finish(Process p)
    {
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(300_000), "timed out");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static (int Code, string Out) Run(params string[] args)
    {
        using var p = StartUnderUmask022(args);
        return Finish(p);
    }

    /// <summary>cat as the nobody account: exit code and what it printed.</summary>
    private static (int Code, string Out) AsNobody(params string[] command)
    {
        var psi = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-u", "nobody", "--" }.Concat(command)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static void AssertNobodyCannotRead(string path)
    {
        var (code, output) = AsNobody("cat", path);
        Assert.True(code != 0, $"nobody could read {path}");
        Assert.Contains("Permission denied", output);
    }

    private static UnixFileMode Mode(string path) => File.GetUnixFileMode(path);

    [SecondAccountFact]
    public void Another_local_account_cannot_read_the_database_wal_key_models_or_archive_made_under_umask_022_but_can_read_the_briefing()
    {
        using var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, Shared); // only the product's own modes may stand between nobody and the files
        var db = dir.File("w.duckdb");
        var inbox = Path.Combine(dir.File("demo"), "inbox");

        Assert.Equal(0, Run("init", "--db", db).Code);
        Assert.Equal(OwnerOnly.FileMode, Mode(db));
        Assert.Equal(OwnerOnly.FileMode, Mode(KeyFile.PathFor(db)));

        // The WAL exists while a writer runs (DuckDB deletes it at each checkpoint and makes it again): look at it then.
        // The demo county's files, loaded through the same path as real ones (the feeds are written with umask 022). Six
        // months: enough history to train on before October; what is checked is who can read the files, not how many rows.
        using (var ingest = StartUnderUmask022("demo", "--db", db, "--out", dir.File("demo"), "--months", "6"))
        {
            var wal = db + ".wal";
            var clock = Stopwatch.StartNew();
            UnixFileMode? walMode = null;
            while (!ingest.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                try
                {
                    if (File.Exists(wal))
                    {
                        walMode = Mode(wal);
                        AssertNobodyCannotRead(wal);
                        break;
                    }
                }
                catch (FileNotFoundException) { } // checkpointed away between the two calls
                Thread.Sleep(5);
            }
            var (code, output) = Finish(ingest);
            Assert.True(code == 0, output);
            Assert.True(walMode is not null, "the WAL was never seen while the ingest ran");
            Assert.Equal(OwnerOnly.FileMode, walMode);
        }

        var train = Run("train", "--db", db, "--as-of", "2026-10-01");
        Assert.True(train.Code == 0, train.Out);
        var models = db + ".models";
        Assert.Equal(OwnerOnly.FolderMode, Mode(models));
        var modelFiles = Directory.GetFiles(models);
        Assert.NotEmpty(modelFiles);
        Assert.All(modelFiles, f => Assert.Equal(OwnerOnly.FileMode, Mode(f)));

        var reports = dir.File("reports");
        var monthly = Run("report", "monthly", "--db", db, "--month", "2026-09", "--out", reports, "--no-pdf");
        Assert.True(monthly.Code == 0, monthly.Out);

        Assert.Equal(OwnerOnly.FileMode, Mode(db));
        AssertNobodyCannotRead(db);
        AssertNobodyCannotRead(KeyFile.PathFor(db));
        AssertNobodyCannotRead(modelFiles[0]);
        Assert.NotEqual(0, AsNobody("ls", models).Code);
        var archived = Directory.GetFiles(Path.Combine(inbox, "archive")).First();
        AssertNobodyCannotRead(archived);

        // The briefing is meant to be shared: it keeps the umask (folder 0755, files 0644) and nobody reads it.
        Assert.Equal(Shared, Mode(reports));
        var briefing = Directory.GetFiles(reports, "*.md").Single();
        Assert.Equal((UnixFileMode)Convert.ToInt32("644", 8), Mode(briefing));
        // Every file of it: HTML, Markdown, the annex workbook and (with Chromium) the PDF.
        Assert.Contains(Directory.GetFiles(reports), f => f.EndsWith(".xlsx", StringComparison.Ordinal));
        foreach (var file in Directory.GetFiles(reports))
            Assert.True(Mode(file) == (UnixFileMode)Convert.ToInt32("644", 8), $"{Path.GetFileName(file)}: {Mode(file)}");
        var (readCode, text) = AsNobody("cat", briefing);
        Assert.Equal(0, readCode);
        Assert.Contains("运行情况通报", text);
    }

    [Fact]
    public void Status_warns_in_chinese_when_the_database_or_key_is_readable_by_others()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var db = dir.File("w.duckdb");
        Assert.Equal(0, CliProcess.Run(["init", "--db", db]).ExitCode);
        var quiet = CliProcess.Run(["status", "--db", db]);
        Assert.Equal(0, quiet.ExitCode);
        Assert.DoesNotContain("警告", quiet.StdOut);
        Assert.Contains("与数据库记录的密钥指纹一致", quiet.StdOut);

        File.SetUnixFileMode(db, (UnixFileMode)Convert.ToInt32("644", 8));
        File.SetUnixFileMode(KeyFile.PathFor(db), (UnixFileMode)Convert.ToInt32("640", 8));
        var status = CliProcess.Run(["status", "--db", db]);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains($"警告：数据库文件 {db} 的权限为 0644，本机其他账户可以读取", status.StdOut);
        Assert.Contains($"请运行 chmod 600 {db}", status.StdOut);
        Assert.Contains($"警告：密钥文件 {KeyFile.PathFor(db)} 的权限为 0640", status.StdOut);
    }
}
