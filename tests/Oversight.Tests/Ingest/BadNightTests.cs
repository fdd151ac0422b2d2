using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Oversight.Tests.Ingest;

/// <summary>One night's inbox holding every bad shape a county has sent, with good files sorted after them, loaded
/// by the real CLI in a child process run as a second local account (so a file it may not read is one of them).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class BadNightTests
{
    private const string CaseHeader = "case_id,center_code,window_code,item_code,case_type,accepted_at,status\n";

    private static string CaseRows(string prefix, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix}{i},511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n"));

    [Fact]
    public void A_night_with_every_bad_shape_completes_loads_every_good_row_and_reports_every_bad_file()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var asNobody = Environment.UserName == "root" && File.Exists("/usr/sbin/runuser");
        var bad = new Dictionary<string, string>
        {
            ["cases_01_fifo.csv"] = "命名管道",
            ["cases_02_socket.csv"] = "套接字",
            ["cases_04_dangling.csv"] = "指向不存在文件的符号链接",
            ["cases_06_huge.csv"] = "第 3 行过长",
            ["cases_07_columns.csv"] = "第 20002 行的列数与表头不一致",
            ["cases_08_empty.csv"] = "文件为空",
            ["cases_09_undecodable.csv"] = "无法识别文件编码",
            ["cases_10_quote.csv"] = "第 5 行的引号没有配对",
        };
        Assert.Equal(0, BadFileTests.Run("mkfifo", Path.Combine(w.Inbox, "cases_01_fifo.csv")));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(w.Inbox, "cases_02_socket.csv")));
        if (BadFileTests.Run("mknod", Path.Combine(w.Inbox, "cases_03_device.csv"), "c", "1", "3") == 0)
            bad["cases_03_device.csv"] = "设备文件";
        File.CreateSymbolicLink(Path.Combine(w.Inbox, "cases_04_dangling.csv"), Path.Combine(w.Root, "gone.csv"));
        w.WriteCsv("cases_06_huge.csv", CaseHeader + CaseRows("H", 1) + "H2,511922001,W001,I05,承诺件,2026-03-02 09:00," + new string('x', 50 << 20) + "\n" + CaseRows("HH", 3));
        w.WriteCsv("cases_07_columns.csv", CaseHeader + CaseRows("B", 20_000) + "BX,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中,多余\n");
        w.WriteCsv("cases_08_empty.csv", "");
        File.WriteAllBytes(Path.Combine(w.Inbox, "cases_09_undecodable.csv"), [.. Encoding.ASCII.GetBytes(CaseHeader), 0xFF, 0xFE, 0x80, 0x0A]);
        w.WriteCsv("cases_10_quote.csv", CaseHeader + CaseRows("Q", 3) + "\"Q9,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n" + CaseRows("QQ", 2));
        w.WriteCsv(".cases_hidden.csv", CaseHeader + CaseRows("X", 1));
        w.WriteCsv("~$complaints_good.xlsx", "lock");
        Directory.CreateDirectory(Path.Combine(w.Inbox, "旧文件"));
        // Good files, sorted after the bad ones.
        w.WriteCsv("cases_11_mixed_line_ends.csv", CaseHeader.Replace("\n", "\r\n") + "M1,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\r" +
                                                   "M2,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n" + "M3,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\r\n");
        w.WriteCsv("cases_99_good.csv", CaseHeader + CaseRows("G", 100));
        w.WriteXlsx("complaints_good.xlsx",
            ["complaint_id", "received_at", "source", "center_code", "category", "verdict"],
            ["T1", new DateTime(2026, 3, 2, 10, 15, 0), "12345热线", "511922001", "服务态度", "属实"],
            ["T2", new DateTime(2026, 3, 3, 11, 0, 0), "信访", "511922101", "办理超时", "不属实"]);
        w.Close();
        if (asNobody)
        {
            // Owned by the service account, except one file it may not read.
            Assert.Equal(0, BadFileTests.Run("chown", "-R", "nobody", w.Root));
            w.WriteCsv("cases_05_unreadable.csv", CaseHeader + CaseRows("U", 2));
            File.SetUnixFileMode(Path.Combine(w.Inbox, "cases_05_unreadable.csv"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            bad["cases_05_unreadable.csv"] = "没有读取该文件的权限";
        }

        var run = Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0"], asNobody, w.Root);

        Assert.True(run.ExitCode == 3, run.StdOut + run.StdErr);
        foreach (var (name, reason) in bad)
        {
            Assert.Contains($"已搁置：{name}：", run.StdOut);
            Assert.Contains(reason, run.StdOut.Split('\n').Single(l => l.StartsWith($"已搁置：{name}：")));
            Assert.True(Path.Exists(Path.Combine(w.Inbox, "quarantine", name)) ||
                        new FileInfo(Path.Combine(w.Inbox, "quarantine", name)).LinkTarget is not null, name);
        }
        Assert.Contains("已跳过：.cases_hidden.csv：隐藏文件", run.StdOut);
        Assert.Contains("已跳过：~$complaints_good.xlsx：", run.StdOut);
        Assert.Contains("已跳过：旧文件/：这是一个文件夹", run.StdOut);
        Assert.True(run.StdOut.Contains($"搁置 {bad.Count} 个文件"), run.StdOut);
        Assert.DoesNotContain("Error", run.StdOut); // DuckDB's errors reach the user only in Chinese
        w.Reopen();
        var cases = w.Query<string>("SELECT case_id FROM api.cases ORDER BY case_id");
        Assert.Equal(["M1", "M2", "M3", .. Enumerable.Range(1, 100).Select(i => $"G{i}")], cases.OrderBy(c => c[0] == 'G' ? 1 : 0).ThenBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal));
        Assert.Equal(2L, w.Scalar<long>("SELECT count(*) FROM api.complaints"));
        Assert.Equal(3L, w.Scalar<long>("SELECT count(*) FROM api.windows"));
        Assert.Empty(Directory.GetFiles(w.Inbox, "cases_*"));
    }

    private static CliProcess.Result Run(string[] args, bool asNobody, string home)
    {
        if (!asNobody) return CliProcess.Run(args, timeoutMs: 240_000);
        var psi = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-u", "nobody", "--", "dotnet", CliProcess.DllPathForOtherAccounts }.Concat(args)) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = home;
        psi.Environment["DOTNET_CLI_HOME"] = home;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(240_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("the night's ingest did not finish: a bad file stopped it");
        }
        return new CliProcess.Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
