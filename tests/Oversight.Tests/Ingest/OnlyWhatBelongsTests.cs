using System.Diagnostics;
using Oversight.Privacy;

namespace Oversight.Tests.Ingest;

/// <summary>Only what belongs is read, through the real CLI: inbox links leading out of the inbox are set aside
/// unopened, the key is checked from its metadata before it is opened, and the restricted output folder is never a
/// shared one.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class OnlyWhatBelongsTests
{
    private const string Centers = "center_code,center_name,county_code,kind,population\n511922009,外来中心,511922,街道,100\n";

    [Fact]
    public void Links_leading_out_of_the_inbox_are_set_aside_without_being_read()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        // Valid data outside the inbox: loading it would show the link was followed.
        var outside = Path.Combine(w.Root, "elsewhere.csv");
        File.WriteAllText(outside, Centers);
        File.CreateSymbolicLink(Path.Combine(w.Inbox, "centers_outside.csv"), outside);
        File.CreateSymbolicLink(Path.Combine(w.Inbox, "centers_key.csv"), KeyFile.PathFor(w.DbPath));
        File.CreateSymbolicLink(Path.Combine(w.Inbox, "cases_shadow.csv"), "/etc/shadow");
        // A link within the inbox is read as what it points to (here: the same content, so a duplicate).
        File.CreateSymbolicLink(Path.Combine(w.Inbox, "items_again.csv"), Path.Combine(w.Inbox, "items.csv"));
        w.Close();

        var run = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0"]);

        Assert.Equal(3, run.ExitCode);
        foreach (var name in new[] { "centers_outside.csv", "centers_key.csv", "cases_shadow.csv" })
        {
            var reason = File.ReadAllText(Path.Combine(w.Inbox, "quarantine", name + ".reason.txt"));
            Assert.Contains("这是一个指向收件目录以外的符号链接，未打开、未读取", reason);
        }
        Assert.Equal(Centers, File.ReadAllText(outside)); // the target stays where it is
        w.Reopen();
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM dim_center WHERE center_code = '511922009'"));
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM load_file WHERE file_name IN ('centers_outside.csv', 'centers_key.csv', 'cases_shadow.csv') AND sha256 IS NOT NULL"));
    }

    [Theory]
    [InlineData("fifo", "这不是普通文件而是命名管道（FIFO），没有打开")]
    [InlineData("zero", "这不是普通文件而是设备文件，没有打开")]
    [InlineData("pattern", "内容不是随机生成的（32 个字节中只有 4 种不同的值，像是重复的图案）")]
    [InlineData("big", "文件过大")]
    public void A_key_that_is_not_a_small_random_regular_file_is_refused_without_hanging(string shape, string reason)
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.Close();
        var key = KeyFile.PathFor(w.DbPath);
        File.Delete(key);
        switch (shape)
        {
            case "fifo": Exec("mkfifo", key); break;
            case "zero": File.CreateSymbolicLink(key, "/dev/zero"); break;
            case "pattern": File.WriteAllText(key, string.Concat(Enumerable.Repeat("deadbeef", 8))); break;
            case "big": File.WriteAllText(key, new string('a', 1 << 20)); break;
        }
        SpinWait.SpinUntil(() => Path.Exists(key), 5000);

        var run = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0"], timeoutMs: 60_000);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("个人信息加密密钥文件", run.StdErr);
        Assert.Contains(reason, run.StdErr);
        Assert.Contains("拒绝使用", run.StdErr);
        Assert.True(File.Exists(Path.Combine(w.Inbox, "centers.csv"))); // nothing was loaded or moved
    }

    [Fact]
    public void A_shared_folder_is_refused_for_the_inspection_plan_and_keeps_its_mode()
    {
        using var w = new TestWarehouse();
        w.Close();
        var shared = Path.Combine(w.Root, "shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)Convert.ToInt32("1777", 8));
        var theirs = Path.Combine(shared, "他人的文件.txt");
        File.WriteAllText(theirs, "x");

        var run = CliProcess.Run(["report", "inspection", "--db", w.DbPath, "--month", "2026-10", "--out", shared, "--no-pdf"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"受限目录 {shared} 是共享文件夹（权限 1777，其他用户可以在其中建立文件），不能存放暗访工作提示等机密文件，也不会修改它的权限", run.StdErr);
        Assert.Equal(Convert.ToInt32("1777", 8), (int)File.GetUnixFileMode(shared));
        Assert.Equal([theirs], Directory.GetFiles(shared));

        // Its own folder, not writable by others but holding another account's file: refused too.
        var own = Path.Combine(w.Root, "own");
        Directory.CreateDirectory(own);
        File.SetUnixFileMode(own, (UnixFileMode)Convert.ToInt32("755", 8));
        var planted = Path.Combine(own, "planted.txt");
        File.WriteAllText(planted, "x");
        if (Environment.UserName == "root")
        {
            Exec("chown", "65534", planted);
            var second = CliProcess.Run(["report", "inspection", "--db", w.DbPath, "--month", "2026-10", "--out", own, "--no-pdf"]);
            Assert.Equal(1, second.ExitCode);
            Assert.Contains("中有其他用户的文件（planted.txt）", second.StdErr);
            Assert.Equal(Convert.ToInt32("755", 8), (int)File.GetUnixFileMode(own));
        }
    }

    private static void Exec(string program, params string[] args)
    {
        using var p = Process.Start(program, args);
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }
}
