using System.Diagnostics;
using Oversight.Jobs;
using Oversight.Privacy;

namespace Oversight.Tests.Jobs;

/// <summary>One clean night over <see cref="NightInbox"/>, run once for the class: what a killed or stopped night must
/// end up equal to. Its key is the one those nights use, so the hashes match.</summary>
public sealed class CleanNight : IDisposable
{
    private readonly TestWarehouse _clean = new();

    public CleanNight()
    {
        NightInbox.Write(_clean);
        _clean.Close();
        var night = CliProcess.Run(["serve", "--settings", ServiceTests.WriteSettings(_clean), "--catch-up-only"]);
        Assert.True(night.ExitCode == 0, night.StdOut + night.StdErr);
        _clean.Reopen();
        Snapshot = NightInbox.Snapshot(_clean);
    }

    public string Snapshot { get; }

    /// <summary>Gives <paramref name="w"/> this night's key, before anything is hashed into it.</summary>
    public void ShareKey(TestWarehouse w) => File.Copy(KeyFile.PathFor(_clean.DbPath), KeyFile.PathFor(w.DbPath), overwrite: true);

    public void Dispose() => _clean.Dispose();
}

/// <summary>The nightly service as real processes: killed, doubled, fed bad files, pointed at a broken database.</summary>
public class ServiceTests(CleanNight clean) : IClassFixture<CleanNight>
{
    internal static string WriteSettings(TestWarehouse w)
    {
        var path = Path.Combine(w.Root, "oversight.settings.json");
        new ServiceSettings
        {
            Database = w.DbPath, Inbox = w.Inbox, Reports = Path.Combine(w.Root, "reports"), Restricted = Path.Combine(w.Root, "restricted"),
            Pdf = false, SettleSeconds = 0,
        }.Write(path);
        return path;
    }

    private static long Count(TestWarehouse w, string where) => w.Scalar<long>($"SELECT count(*) FROM job_run WHERE {where}");

    [Fact]
    public void Killed_mid_night_then_restarted_the_warehouse_equals_one_clean_run_and_the_catch_up_runs_exactly_once()
    {
        using var killed = new TestWarehouse();
        clean.ShareKey(killed);
        NightInbox.Write(killed);
        killed.Close();
        var settings = WriteSettings(killed);

        using (var service = CliProcess.Start(["serve", "--settings", settings, "--catch-up-only"]))
        {
            WaitForFirstArchivedCasesFile(killed, service);
            service.Kill(entireProcessTree: true);
            service.WaitForExit();
        }
        Assert.InRange(Directory.GetFiles(killed.Inbox, "cases_*").Length, 1, NightInbox.Files - 1);

        var restart = CliProcess.Run(["serve", "--settings", settings, "--catch-up-only"]);
        Assert.True(restart.ExitCode == 0, restart.StdOut + restart.StdErr);
        Assert.Contains("被中断的任务", restart.StdOut);
        var again = CliProcess.Run(["serve", "--settings", settings, "--catch-up-only"]);
        Assert.True(again.ExitCode == 0, again.StdErr);
        Assert.DoesNotContain("开始夜间任务", again.StdOut); // nothing missed any more: no second catch-up
        killed.Reopen();

        var runs = string.Join("; ", killed.Query<(string, string, string, string?)>("SELECT job, trigger, outcome, error FROM job_run ORDER BY run_id"));
        Assert.True(Count(killed, "job = 'nightly' AND outcome = 'interrupted'") == 1, runs);
        Assert.True(Count(killed, "job = 'nightly' AND outcome = 'succeeded' AND trigger = 'catch-up'") == 1, runs);
        Assert.Equal(2, Count(killed, "job = 'nightly'"));

        AssertSameAsOneCleanNight(killed);
    }

    [Fact]
    public async Task On_SIGTERM_the_file_being_loaded_is_finished_or_rolled_back_and_the_next_start_carries_on()
    {
        using var stopped = new TestWarehouse();
        clean.ShareKey(stopped);
        NightInbox.Write(stopped);
        stopped.Close();
        var settings = WriteSettings(stopped);

        using (var service = CliProcess.Start(["serve", "--settings", settings, "--catch-up-only"]))
        {
            var output = service.StandardOutput.ReadToEndAsync();
            WaitForFirstArchivedCasesFile(stopped, service);
            using (var kill = Process.Start("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                kill.WaitForExit();
            Assert.True(service.WaitForExit(TimeSpan.FromMinutes(3)), "the service did not stop on SIGTERM");
            var text = await output;
            Assert.True(service.ExitCode == 0, text);
            Assert.Contains("已按停止要求中止", text);
        }
        Assert.InRange(Directory.GetFiles(stopped.Inbox, "cases_*").Length, 1, NightInbox.Files - 1);
        stopped.Reopen();
        Assert.Equal(1, Count(stopped, "job = 'nightly' AND outcome = 'cancelled'"));
        stopped.Close();

        var restart = CliProcess.Run(["serve", "--settings", settings, "--catch-up-only"]);
        Assert.True(restart.ExitCode == 0, restart.StdOut + restart.StdErr);
        Assert.Contains("开始夜间任务", restart.StdOut); // a cancelled night is not a covered night: it runs again
        stopped.Reopen();
        Assert.Equal(1, Count(stopped, "job = 'nightly' AND outcome = 'succeeded'"));
        AssertSameAsOneCleanNight(stopped);
    }

    private static void WaitForFirstArchivedCasesFile(TestWarehouse w, Process service)
    {
        var archive = Path.Combine(w.Inbox, "archive");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !service.HasExited &&
               (!Directory.Exists(archive) || !Directory.GetFiles(archive, "cases_*").Any()))
            Thread.Sleep(5);
        Assert.False(service.HasExited, "the night finished before it could be stopped; the test proves nothing");
    }

    /// <summary>The warehouse equals what one clean night over the same inbox gives (same key, so same hashes).</summary>
    private void AssertSameAsOneCleanNight(TestWarehouse w) => Assert.Equal(clean.Snapshot, NightInbox.Snapshot(w));

    [Fact]
    public async Task Of_two_writers_started_at_once_exactly_one_proceeds_and_the_other_is_refused_in_chinese()
    {
        using var w = new TestWarehouse();
        NightInbox.Write(w);
        w.Close();
        var settings = WriteSettings(w);

        using var first = CliProcess.Start(["serve", "--settings", settings, "--catch-up-only"]);
        using var second = CliProcess.Start(["serve", "--settings", settings, "--catch-up-only"]);
        var outputs = new[] { first, second }.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Err: p.StandardError.ReadToEndAsync())).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await first.WaitForExitAsync(timeout.Token);
        await second.WaitForExitAsync(timeout.Token);
        var codes = new[] { first.ExitCode, second.ExitCode };
        Assert.Equal([0, 1], codes.Order());
        var refused = await (codes[0] == 1 ? outputs[0] : outputs[1]).Err;
        Assert.Contains("正由另一个进程写入", refused);
        Assert.Contains("oversight serve", refused);
        Assert.DoesNotContain("   at ", refused);

        w.Reopen();
        Assert.Equal(1, Count(w, "job = 'nightly'"));
        Assert.Equal(NightInbox.Files * NightInbox.RowsPerFile, w.Scalar<long>("SELECT count(*) FROM fct_case"));
    }

    [Fact]
    public void A_manual_ingest_while_the_service_holds_the_warehouse_is_refused_not_blocked()
    {
        using var w = new TestWarehouse();
        w.Close();
        using var holder = Oversight.Warehouse.WriterLock.Acquire(w.DbPath, "oversight serve");
        var clock = Stopwatch.StartNew();
        var ingest = CliProcess.Run(["ingest", "--settle-seconds", "0", "--db", w.DbPath, "--inbox", w.Inbox]);
        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains("正由另一个进程写入（oversight serve，进程号", ingest.StdErr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void A_bad_night_sets_each_broken_file_aside_with_its_reason_loads_the_rest_and_status_shows_it()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_good.csv", """
            case_id,center_code,window_code,item_code,case_type,accepted_at,status
            A,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中
            """);
        w.WriteCsv("cases_truncated.csv", "case_id,center_code,window_code,item_code,case_type,accepted_at,status\nB,511922001,W001,I05,承诺件,\"2026-03-02 09:");
        File.WriteAllBytes(Path.Combine(w.Inbox, "complaints_wrong_encoding.csv"),
            [.. "complaint_id,received_at,source,center_code,category\n"u8, 0x50, 0x31, 0x2C, 0xFF, 0xFE, 0x80, 0x81, 0x0A]);
        w.WriteCsv("callbacks_renamed.xlsx", "callback_id,case_id,method,called_at,reached\nK1,A,电话回访,2026-03-03 10:00,是\n");
        File.WriteAllBytes(Path.Combine(w.Inbox, "visits_empty.csv"), []);
        w.Close();

        var night = CliProcess.Run(["serve", "--settings", WriteSettings(w), "--catch-up-only"]);
        Assert.True(night.ExitCode == 0, night.StdOut + night.StdErr);
        var quarantine = Path.Combine(w.Inbox, "quarantine");
        foreach (var file in new[] { "cases_truncated.csv", "complaints_wrong_encoding.csv", "callbacks_renamed.xlsx", "visits_empty.csv" })
        {
            Assert.True(File.Exists(Path.Combine(quarantine, file)), file);
            Assert.True(new FileInfo(Path.Combine(quarantine, file + ".reason.txt")).Length > 0, file);
        }
        Assert.True(File.Exists(Path.Combine(w.Inbox, "archive", "cases_good.csv")));

        var status = CliProcess.Run(["status", "--db", w.DbPath]);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("被搁置的文件", status.StdOut);
        foreach (var file in new[] { "cases_truncated.csv", "complaints_wrong_encoding.csv", "callbacks_renamed.xlsx", "visits_empty.csv" })
            Assert.Contains(file, status.StdOut);
        Assert.Contains("夜间任务（计划", status.StdOut);
        w.Reopen();
        Assert.Equal(1L, w.Scalar<long>("SELECT count(*) FROM fct_case"));
    }

    [Fact]
    public void A_corrupted_warehouse_file_gives_a_clear_message_not_a_stack_trace()
    {
        using var w = new TestWarehouse();
        w.Close();
        File.WriteAllBytes(w.DbPath, [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7))]);
        var result = CliProcess.Run(["serve", "--settings", WriteSettings(w), "--catch-up-only"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("错误：", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
    }
}
