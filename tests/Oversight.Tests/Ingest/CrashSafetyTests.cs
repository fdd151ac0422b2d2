using System.Text;
using Dapper;
using Oversight.Privacy;
using Oversight.Warehouse;

namespace Oversight.Tests.Ingest;

public class CrashSafetyTests
{
    [Fact]
    public void Killing_the_ingest_mid_load_then_rerunning_gives_exactly_what_one_clean_run_gives()
    {
        using var killed = new TestWarehouse();
        NightInbox.Write(killed);
        killed.Close();

        using (var child = CliProcess.Start(["ingest", "--db", killed.DbPath, "--inbox", killed.Inbox, "--settle-seconds", "0"]))
        {
            // Wait until some files are archived (committed) and the rest are still loading, then kill hard.
            var archive = Path.Combine(killed.Inbox, "archive");
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < deadline && !child.HasExited &&
                   (!Directory.Exists(archive) || !Directory.GetFiles(archive, "cases_*").Any()))
                Thread.Sleep(5);
            Assert.False(child.HasExited, "the ingest finished before it could be killed; the test proves nothing");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        var leftAfterKill = Directory.GetFiles(killed.Inbox, "cases_*").Length;
        Assert.InRange(leftAfterKill, 1, NightInbox.Files - 1);

        var rerun = CliProcess.Run(["ingest", "--db", killed.DbPath, "--inbox", killed.Inbox, "--settle-seconds", "0"]);
        Assert.Equal(0, rerun.ExitCode);
        killed.Reopen();

        using var clean = new TestWarehouse();
        File.Copy(KeyFile.PathFor(killed.DbPath), KeyFile.PathFor(clean.DbPath), overwrite: true);
        NightInbox.Write(clean);
        clean.Close();
        var cleanRun = CliProcess.Run(["ingest", "--db", clean.DbPath, "--inbox", clean.Inbox, "--settle-seconds", "0"]);
        Assert.Equal(0, cleanRun.ExitCode);
        clean.Reopen();

        Assert.Equal(NightInbox.Files * NightInbox.RowsPerFile, killed.Scalar<long>("SELECT count(*) FROM fct_case"));
        Assert.Equal(NightInbox.Snapshot(clean), NightInbox.Snapshot(killed));
        Assert.Empty(Directory.GetFiles(killed.Inbox, "cases_*"));
    }

    [Fact]
    public void Reject_row_numbers_point_at_the_right_line_of_a_large_file()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        var sb = new StringBuilder("case_id,center_code,window_code,item_code,case_type,accepted_at,status\n");
        for (var i = 0; i < 300_000; i++)
            sb.Append(i % 50_000 == 12_345
                ? $"C{i},511922001,W001,I05,承诺件,bad-{i + 2},办理中\n"
                : $"C{i},511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n");
        w.WriteCsv("cases_big.csv", sb.ToString());
        w.Ingest();
        var rejects = w.Query<(long Row, string Reason)>("SELECT row_number, reason FROM load_reject ORDER BY row_number");
        Assert.Equal(6, rejects.Count);
        foreach (var (row, reason) in rejects) Assert.Contains($"bad-{row}", reason);
    }
}
