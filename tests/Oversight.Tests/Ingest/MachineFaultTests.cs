using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Oversight.Tests.Ingest;

/// <summary>A full disk stops the night through the real CLI: exit 1, a Chinese message naming the cause, the file
/// left in the inbox untouched (not quarantined, not skipped), and the next night loads it. The full disk is a small
/// tmpfs mounted for the test; where mounting is not allowed (not root, no CAP_SYS_ADMIN) the test says so and ends.</summary>
public class MachineFaultTests(ITestOutputHelper output)
{
    private const string CasesHeader = "case_id,center_code,window_code,item_code,case_type,accepted_at,completed_at,status,applicant_phone,updated_at\n";

    [Fact]
    public void A_disk_full_while_decoding_stops_the_night_and_leaves_the_file_for_the_next()
    {
        using var dir = new TempDir();
        using var disk = SmallDisk.TryMount(dir.File("disk"), "8m", out var why);
        if (disk is null) { output.WriteLine($"跳过：无法挂载测试用 tmpfs（{why}）"); return; }
        // The warehouse (about 4 MB) and its decode folder are on the small disk; the 11 MB file does not fit decoded.
        var db = Path.Combine(disk.Path, "w.duckdb");
        var inbox = dir.File("inbox");
        Directory.CreateDirectory(inbox);
        Assert.Equal(0, CliProcess.Run(["init", "--db", db]).ExitCode);
        var file = WriteCases(inbox, 100_000);
        var before = File.ReadAllBytes(file);

        var full = CliProcess.Run(["ingest", "--db", db, "--inbox", inbox, "--settle-seconds", "0"]);

        AssertStoppedForFullDisk(full, "读取和解码文件时");
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.False(Directory.Exists(Path.Combine(inbox, "quarantine")));

        disk.Grow("128m");
        var next = CliProcess.Run(["ingest", "--db", db, "--inbox", inbox, "--settle-seconds", "0"]);
        Assert.Equal(0, next.ExitCode);
        Assert.True(File.Exists(Path.Combine(inbox, "archive", "cases_night.csv")), next.StdOut + next.StdErr);
        Assert.Contains("搁置 0 个文件", next.StdOut);
    }

    [Fact]
    public void A_disk_full_at_commit_stops_the_night_and_never_quarantines_the_valid_file()
    {
        using var dir = new TempDir();
        using var disk = SmallDisk.TryMount(dir.File("disk"), "8m", out var why);
        if (disk is null) { output.WriteLine($"跳过：无法挂载测试用 tmpfs（{why}）"); return; }
        var db = Path.Combine(disk.Path, "w.duckdb");
        // Decoding goes to a roomy disk through the decode folder's link; only the database's commit meets the full disk.
        var decoded = dir.File("decoded");
        Directory.CreateDirectory(decoded);
        File.CreateSymbolicLink(db + ".decoded", decoded);
        var inbox = dir.File("inbox");
        Directory.CreateDirectory(inbox);
        Assert.Equal(0, CliProcess.Run(["init", "--db", db]).ExitCode);
        var file = WriteCases(inbox, 150_000);
        var before = File.ReadAllBytes(file);

        var full = CliProcess.Run(["ingest", "--db", db, "--inbox", inbox, "--settle-seconds", "0"]);

        AssertStoppedForFullDisk(full, "写入数据库时");
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Empty(Directory.Exists(Path.Combine(inbox, "quarantine")) ? Directory.GetFiles(Path.Combine(inbox, "quarantine")) : []);
        Assert.True(File.Exists(Path.Combine(inbox, "archive", "centers.csv")), "the reference files before it were loaded");

        disk.Grow("128m");
        var next = CliProcess.Run(["ingest", "--db", db, "--inbox", inbox, "--settle-seconds", "0"]);
        Assert.Equal(0, next.ExitCode);
        Assert.True(File.Exists(Path.Combine(inbox, "archive", "cases_night.csv")), next.StdOut + next.StdErr);
        Assert.Contains("搁置 0 个文件", next.StdOut);
    }

    private static void AssertStoppedForFullDisk(CliProcess.Result result, string stage)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"导入 cases_night.csv 时磁盘空间已满（{stage}）", result.StdErr);
        Assert.Contains("它没有被搁置", result.StdErr);
        Assert.DoesNotContain("No space", result.StdErr + result.StdOut);
        Assert.DoesNotContain("Error", result.StdErr + result.StdOut);
    }

    /// <summary>The reference feeds and one valid cases file.</summary>
    private static string WriteCases(string inbox, int rows)
    {
        File.WriteAllText(Path.Combine(inbox, "centers.csv"), "center_code,center_name,county_code,kind,population\n511922001,集州街道,511922,街道,52000\n");
        File.WriteAllText(Path.Combine(inbox, "windows.csv"), "window_code,center_code,window_name,category\nW001,511922001,综合窗口,综合\n");
        File.WriteAllText(Path.Combine(inbox, "items.csv"), "item_code,item_name,item_kind,promised_days\nI05,低保申请,行政给付,5\n");
        var sb = new StringBuilder(CasesHeader);
        for (var n = 0; n < rows; n++)
            sb.Append($"C{n:D8},511922001,W001,I05,承诺件,2026-03-{1 + n % 28:D2} 09:{n % 60:D2},2026-04-{1 + n % 28:D2} 10:00,已办结,139{n:D8},2026-05-01 00:00\n");
        var path = Path.Combine(inbox, "cases_night.csv");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>A tmpfs of a given size, unmounted on dispose.</summary>
    internal sealed class SmallDisk : IDisposable
    {
        public string Path { get; }

        private SmallDisk(string path) => Path = path;

        public static SmallDisk? TryMount(string path, string size, out string why)
        {
            Directory.CreateDirectory(path);
            var (code, text) = Mount("-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
            why = code == 0 ? "" : text.Trim();
            return code == 0 ? new SmallDisk(path) : null;
        }

        public void Grow(string size) => Assert.Equal(0, Mount("-o", $"remount,size={size}", Path).Code);

        public void Dispose() => Run("umount", "-l", Path);

        private static (int Code, string Text) Mount(params string[] args) => Run("mount", args);

        private static (int Code, string Text) Run(string program, params string[] args)
        {
            try
            {
                var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (var a in args) psi.ArgumentList.Add(a);
                using var p = Process.Start(psi)!;
                var err = p.StandardError.ReadToEnd();
                p.WaitForExit();
                return (p.ExitCode, err);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                return (-1, ex.Message);
            }
        }
    }
}
