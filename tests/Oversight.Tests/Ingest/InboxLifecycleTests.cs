using System.Diagnostics;
using Oversight.Ingest;

namespace Oversight.Tests.Ingest;

/// <summary>Set aside means "not yet"; files still arriving are left alone; what the ingest writes is owner-only and
/// leaves no decoded copy behind, even when killed.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class InboxLifecycleTests
{
    private const string CaseHeader = "case_id,center_code,window_code,item_code,case_type,accepted_at,status\n";

    private static string CaseRows(string prefix, int count, string window = "W001") =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix}{i},511922001,{window},I05,承诺件,2026-03-02 09:00,办理中\n"));

    private static FileOutcome Only(IngestReport report, string name) => Assert.Single(report.Files, f => f.FileName == name);

    private const string WindowsWithW009 = """
        window_code,center_code,window_name,category
        W009,511922001,不动产窗口,不动产
        """;

    [Fact]
    public void A_file_set_aside_for_a_missing_reference_loads_when_sent_again_after_the_reference_arrives()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var cases = CaseHeader + CaseRows("N", 20, window: "W009");
        w.WriteCsv("cases_1.csv", cases);

        var first = Only(w.Ingest(), "cases_1.csv");
        Assert.Equal(Outcomes.SetAside, first.Outcome);
        Assert.Contains("20 行的窗口编码尚未报送，请先报送窗口表（windows/窗口）", first.Reason);

        // The county sends the windows, then the same bytes again.
        w.WriteCsv("windows_2.csv", WindowsWithW009);
        File.Copy(Path.Combine(w.Inbox, "quarantine", "cases_1.csv"), Path.Combine(w.Inbox, "cases_1.csv"));
        var second = Only(w.Ingest(), "cases_1.csv");
        Assert.Equal(Outcomes.Loaded, second.Outcome);
        Assert.Equal(20L, w.Scalar<long>("SELECT count(*) FROM api.cases"));
        Assert.Equal("set_aside|loaded", string.Join('|', w.Query<string>("SELECT outcome FROM load_file WHERE file_name = 'cases_1.csv' ORDER BY file_id")));

        // Only now is it "already loaded".
        w.WriteCsv("cases_1.csv", cases);
        Assert.Equal(Outcomes.Duplicate, Only(w.Ingest(), "cases_1.csv").Outcome);
        Assert.Equal(2L, w.Scalar<long>("SELECT count(*) FROM load_file WHERE file_name = 'cases_1.csv'"));

        // Nothing waits any more: status lists no set-aside file.
        w.Close();
        var status = CliProcess.Run(["status", "--db", w.DbPath]);
        Assert.True(status.ExitCode == 0, status.StdOut + status.StdErr);
        Assert.DoesNotContain("被搁置的文件", status.StdOut);
        w.Reopen();
    }

    [Fact]
    public void A_file_loaded_with_rows_naming_a_reference_not_yet_sent_says_which_feed_to_send_and_is_tried_again()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var cases = CaseHeader + CaseRows("P", 49) + CaseRows("Q", 1, window: "W009");
        w.WriteCsv("cases_1.csv", cases);

        var first = Only(w.Ingest(), "cases_1.csv");
        Assert.Equal(Outcomes.Loaded, first.Outcome);
        Assert.Equal(49L, first.RowsLoaded);
        Assert.Contains("1 行的窗口编码尚未报送，请先报送窗口表（windows/窗口）", first.Reason);

        w.WriteCsv("windows_2.csv", WindowsWithW009);
        w.WriteCsv("cases_1.csv", cases);
        var second = Only(w.Ingest(), "cases_1.csv");
        Assert.Equal(Outcomes.Loaded, second.Outcome);
        Assert.Null(second.Reason);
        Assert.Equal(50L, w.Scalar<long>("SELECT count(*) FROM api.cases"));
    }

    [Fact]
    public void A_file_that_changes_after_it_was_found_settled_is_not_archived_and_stays_for_the_next_night()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var path = w.WriteCsv("cases_growing.csv", CaseHeader + CaseRows("A", 5));

        // The sender's copy is still writing when the ingest reaches the file.
        var report = w.Ingest(progress: new BadFileTests.OnProgress(line =>
        {
            if (line.EndsWith("cases_growing.csv")) File.AppendAllText(path, CaseRows("B", 5));
        }));

        var first = Only(report, "cases_growing.csv");
        Assert.Equal(Outcomes.Waiting, first.Outcome);
        Assert.Contains("文件在导入期间发生了变化", first.Reason);
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(Path.Combine(w.Inbox, "archive", "cases_growing.csv")));

        // Unchanged since, and its whole content is what loaded: the next night archives it.
        var second = Only(w.Ingest(), "cases_growing.csv");
        Assert.Equal(Outcomes.Duplicate, second.Outcome);
        Assert.Equal(10L, w.Scalar<long>("SELECT count(*) FROM api.cases"));
        Assert.False(File.Exists(path));
        Assert.True(File.Exists(Path.Combine(w.Inbox, "archive", "cases_growing.csv")));
    }

    [Fact]
    public void A_file_still_being_copied_is_left_for_the_next_run_and_a_settled_one_loads_after_the_wait()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_done.csv", CaseHeader + CaseRows("D", 3)); // written just now, then left alone
        var growing = w.WriteCsv("cases_copying.csv", CaseHeader);
        w.Close();
        using var stop = new CancellationTokenSource();
        // A thread of its own: a pool task can starve for seconds while the suite runs in parallel, and a copier
        // that pauses longer than the settle interval is, to the ingest, a finished file.
        var copier = new Thread(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                File.AppendAllText(growing, CaseRows($"C{i}-", 1));
                stop.Token.WaitHandle.WaitOne(50);
            }
        }) { IsBackground = true };
        copier.Start();

        var run = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "2"]);
        stop.Cancel();
        copier.Join();

        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        Assert.Contains("留待下次：cases_copying.csv：文件仍在写入", run.StdOut);
        Assert.True(File.Exists(growing));
        Assert.True(File.Exists(Path.Combine(w.Inbox, "archive", "cases_done.csv")));
        w.Reopen();
        Assert.Equal(3L, w.Scalar<long>("SELECT count(*) FROM api.cases"));
    }

    [Fact]
    public void Archive_quarantine_and_decoded_copies_are_owner_only_whatever_the_umask()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_bad.csv", "not,a,cases,file\n1,2,3,4\n");
        Directory.CreateDirectory(Path.Combine(w.Inbox, "archive"), UnixFileMode.UserRead | UnixFileMode.UserWrite |
            UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        w.Close();

        // The child inherits this process's umask (022 on the test machines): files would be 0644 without care.
        var run = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0"]);

        Assert.Equal(3, run.ExitCode);
        const UnixFileMode folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(folder, File.GetUnixFileMode(Path.Combine(w.Inbox, "archive")));
        Assert.Equal(folder, File.GetUnixFileMode(Path.Combine(w.Inbox, "quarantine")));
        Assert.Equal(folder, File.GetUnixFileMode(w.DbPath + ".decoded"));
        Assert.Equal(file, File.GetUnixFileMode(Path.Combine(w.Inbox, "archive", "centers.csv")));
        Assert.Equal(file, File.GetUnixFileMode(Path.Combine(w.Inbox, "quarantine", "cases_bad.csv")));
        Assert.Equal(file, File.GetUnixFileMode(Path.Combine(w.Inbox, "quarantine", "cases_bad.csv.reason.txt")));
        Assert.Empty(Directory.GetFileSystemEntries(w.DbPath + ".decoded"));
    }

    [Fact]
    public void Killing_an_ingest_hard_mid_file_leaves_no_decoded_copy_after_the_next_command()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_big.csv", CaseHeader + CaseRows("K", 600_000));
        w.Close();
        var decoded = w.DbPath + ".decoded";

        using (var child = CliProcess.Start(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0"]))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < deadline && !child.HasExited &&
                   !(Directory.Exists(decoded) && Directory.GetFiles(decoded).Any(f => new FileInfo(f).Length > 1 << 20)))
                Thread.Sleep(5);
            Assert.False(child.HasExited, "the ingest finished before it could be killed; the test proves nothing");
            child.Kill(entireProcessTree: true); // SIGKILL: no finally block runs
            child.WaitForExit();
        }
        Assert.NotEmpty(Directory.GetFiles(decoded)); // the killed run left its decoded copy (raw personal data)
        Assert.True(File.Exists(Path.Combine(w.Inbox, "cases_big.csv")));

        var next = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0"]);

        Assert.True(next.ExitCode == 0, next.StdOut + next.StdErr);
        Assert.Empty(Directory.GetFileSystemEntries(decoded));
        w.Reopen();
        Assert.Equal(600_000L, w.Scalar<long>("SELECT count(*) FROM api.cases"));
    }
}
