using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Oversight.Privacy;
using Oversight.Reports.Inspection;
using Oversight.Tests.Demo;
using Oversight.Warehouse;
using Xunit.Abstractions;

namespace Oversight.Tests.Reports;

/// <summary>The visit plan is not in the warehouse: through the real CLI, under the usual umask 022, the plan, its
/// items and its log land owner-only in the restricted folder; the warehouse has no plan table and no plan bytes; a
/// second local account reads nothing of it; and a warehouse upgraded from the old schema loses its plan rows.</summary>
[UnsupportedOSPlatform("windows")] // Unix file modes and accounts; the product runs on Linux servers
public class InspectionConfidentialityTests(DemoCountyFixture demo, ITestOutputHelper output) : IClassFixture<DemoCountyFixture>
{
    private const string Recipient = "县纪委监委第三监督检查室";
    private const string Issuer = "第三监督检查室 王五";

    /// <summary>A copy of the demo warehouse and its key in a folder of its own, as the CLI would find them.</summary>
    private string CopyDemo(TempDir dir)
    {
        var db = dir.File("oversight.duckdb");
        demo.Warehouse.Close();
        try
        {
            File.Copy(demo.Warehouse.DbPath, db);
            File.Copy(KeyFile.PathFor(demo.Warehouse.DbPath), KeyFile.PathFor(db));
        }
        finally
        {
            demo.Warehouse.Reopen();
        }
        return db;
    }

    /// <summary>A two-center county with October cases, in a folder of its own: enough for the inspection briefing, a few
    /// seconds to build where a copy of the demo costs half a minute a run. For the upgrade tests, which check where old
    /// plans go, not what a plan proposes.</summary>
    private static string SmallCounty(TempDir dir)
    {
        using var w = new TestWarehouse();
        HandMadeCountyInspectionTests.Load(w);
        w.Close();
        var db = dir.File("oversight.duckdb");
        File.Copy(w.DbPath, db);
        File.Copy(KeyFile.PathFor(w.DbPath), KeyFile.PathFor(db));
        w.Reopen();
        return db;
    }

    /// <summary>Runs a program under umask 022 (as a county server's shell would), as this account or another.</summary>
    private static CliProcess.Result Run(string? user, string workingDirectory, params string[] command)
    {
        var psi = new ProcessStartInfo(user is null ? "sh" : "runuser")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        if (user is not null) foreach (var a in new[] { "-u", user, "--", "sh" }) psi.ArgumentList.Add(a);
        foreach (var a in new[] { "-c", "umask 022; exec \"$@\"", "sh" }) psi.ArgumentList.Add(a);
        foreach (var a in command) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException(string.Join(' ', command));
        }
        return new CliProcess.Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    private static CliProcess.Result Oversight(string? user, string cwd, params string[] args) =>
        Run(user, cwd, ["dotnet", user is null ? CliProcess.DllPath : CliProcess.DllPathForOtherAccounts, .. args]);

    private static CliProcess.Result GenerateThroughCli(string cwd, string db, string restricted) =>
        Oversight(null, cwd, "report", "inspection", "--db", db, "--month", "2026-10", "--out", restricted,
            "--recipient", Recipient, "--issuer", Issuer, "--issue", "--no-pdf");

    private static bool Contains(string file, string text)
    {
        var bytes = File.ReadAllBytes(file);
        var needle = Encoding.UTF8.GetBytes(text);
        return bytes.AsSpan().IndexOf(needle) >= 0;
    }

    [Fact]
    public void Through_the_cli_the_plan_and_its_log_land_owner_only_in_the_restricted_folder_the_warehouse_holds_no_plan_and_a_second_account_reads_nothing()
    {
        using var dir = new TempDir();
        // A folder the other account may enter, as a shared server folder made under umask 022 would be.
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101);
        var db = CopyDemo(dir);
        var restricted = dir.File("restricted");

        var result = GenerateThroughCli(dir.Path, db, restricted);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);

        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(restricted));
        var files = Directory.GetFiles(restricted);
        Assert.Contains(Path.Combine(restricted, InspectionPlanStore.FileName), files);
        Assert.All(files, f => Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(f)));
        var plan = Assert.Single(new InspectionPlanStore(restricted).Load());
        Assert.Equal(8, plan.Items.Count);
        Assert.Equal(Issuer, plan.GeneratedBy);
        Assert.Equal(Recipient, plan.Recipient);

        // The warehouse: no table or view of plans, and none of the plan's words in the file.
        var tables = Oversight(null, dir.Path, "query", "--db", db,
            "SELECT count(*) AS plan_tables FROM information_schema.tables WHERE table_name ILIKE '%plan%'");
        Assert.Equal(0, tables.ExitCode);
        Assert.Matches(@"│\s*0\s*│", tables.StdOut);
        Assert.False(Contains(db, Recipient));
        Assert.False(Contains(db, Issuer));
        Assert.False(Contains(db, InspectionPlanStore.FileName));

        // The owner, who can read the restricted folder, sees the log in status.
        var status = Oversight(null, dir.Path, "status", "--db", db, "--restricted", restricted);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("暗访工作提示生成记录", status.StdOut);
        Assert.Contains($"{Issuer} 生成 2026-11 的提示，收件人 {Recipient}", status.StdOut);

        // A second local account, on the same files (one generation on the demo serves both: it costs half a minute).
        if (Environment.UserName != "root" || !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            output.WriteLine("Second account not tried: it needs root and runuser (this run: " + Environment.UserName + ").");
            return;
        }
        var briefing = Directory.GetFiles(restricted, "暗访工作提示_*.html").Single();
        foreach (var target in new[] { Path.Combine(restricted, InspectionPlanStore.FileName), briefing })
        {
            var cat = Run("nobody", dir.Path, "cat", target);
            Assert.NotEqual(0, cat.ExitCode);
            Assert.DoesNotContain(Recipient, cat.StdOut);
        }
        Assert.NotEqual(0, Run("nobody", dir.Path, "ls", restricted).ExitCode);

        // Whether or not the other account may open the database, status tells it nothing of the plan.
        var theirs = Oversight("nobody", dir.Path, "status", "--db", db, "--restricted", restricted);
        Assert.DoesNotContain("暗访工作提示", theirs.StdOut + theirs.StdErr);
        Assert.DoesNotContain(Issuer, theirs.StdOut + theirs.StdErr);
        Assert.DoesNotContain(Recipient, theirs.StdOut + theirs.StdErr);
        var query = Oversight("nobody", dir.Path, "query", "--db", db,
            "SELECT count(*) AS plan_tables FROM information_schema.tables WHERE table_name ILIKE '%plan%'");
        if (query.ExitCode == 0) Assert.Matches(@"│\s*0\s*│", query.StdOut);
        output.WriteLine($"nobody: status exit {theirs.ExitCode}, query exit {query.ExitCode}");
    }

    /// <summary>Puts the V051 plan tables back with two logged plans, as a warehouse from before V090 has them.</summary>
    private static void MakeLegacy(string db)
    {
        using var c = Database.Open(db);
        c.Execute(SqlFiles.Read("migrations/V051__inspection_plans.sql"));
        c.Execute("""
            INSERT INTO inspection_plan (month, generated_at, generated_by, recipient, folder, files) VALUES
              (DATE '2026-08-01', TIMESTAMP '2026-09-01 06:00:00', 'root@county-server', '县纪委监委旧计划收件人', '/srv/restricted', '["/srv/restricted/a.html"]'),
              (DATE '2026-09-01', TIMESTAMP '2026-10-01 06:00:00', 'root@county-server', '县纪委监委旧计划收件人', '/srv/restricted', '[]');
            INSERT INTO inspection_plan_item VALUES
              (1, DATE '2026-08-01', 1, '511922130', '[]', 'evidence', 'center|-|red5+|-|video3+', 0.9),
              (2, DATE '2026-09-01', 1, '511922121', '["W1"]', 'evidence', 'center|-|red5+|-|video3+', 0.8),
              (2, DATE '2026-09-01', 2, '511922101', '[]', 'rotation', '-|-|red0|-|video0', 0.1);
            DELETE FROM schema_version WHERE version = 90;
            CHECKPOINT;
            """);
    }

    [Fact]
    public void Upgrading_a_warehouse_that_holds_plans_through_report_inspection_moves_them_to_the_restricted_store_first()
    {
        using var dir = new TempDir();
        var db = SmallCounty(dir);
        MakeLegacy(db);
        var restricted = dir.File("restricted");

        var result = GenerateThroughCli(dir.Path, db, restricted);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        Assert.Contains("已把数据库中原有的 2 份暗访计划记录移到受限目录", result.StdOut);

        var log = new InspectionPlanStore(restricted).Load();
        Assert.Equal(3, log.Count);
        Assert.Equal(new long[] { 1, 2 }, log.Take(2).Select(p => p.WarehousePlanId!.Value));
        Assert.Equal(["511922121", "511922101"], log[1].Items.Select(i => i.CenterCode));
        Assert.Equal(["W1"], log[1].Items[0].WindowCodes);
        Assert.Equal("root@county-server", log[0].Account);
        Assert.Equal("", log[0].GeneratedBy); // the old log never knew the issuer; the account is not promoted to it
        using (var c = Database.Open(db, readOnly: true))
            Assert.Equal(0L, c.ExecuteScalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name ILIKE '%plan%'"));
        Assert.Contains("2 份旧暗访计划记录已移入受限目录", result.StdErr);
        AssertNoOldPlanBytes(dir.Path);

        // Run again: nothing moved twice.
        Assert.Equal(0, GenerateThroughCli(dir.Path, db, restricted).ExitCode);
        Assert.Equal(4, new InspectionPlanStore(restricted).Load().Count);
    }

    [Fact]
    public void Upgrading_a_warehouse_that_holds_plans_through_any_other_command_drops_them_rather_than_keep_them_readable()
    {
        using var dir = new TempDir();
        var db = SmallCounty(dir);
        MakeLegacy(db);

        var init = Oversight(null, dir.Path, "init", "--db", db);
        Assert.True(init.ExitCode == 0, init.StdOut + init.StdErr);
        var query = Oversight(null, dir.Path, "query", "--db", db,
            "SELECT count(*) AS plan_tables FROM information_schema.tables WHERE table_name ILIKE '%plan%'");
        Assert.Matches(@"│\s*0\s*│", query.StdOut);
        Assert.Contains("DROPPED", SqlFiles.Read("migrations/V090__inspection_plans_out_of_the_warehouse.sql"));
        Assert.False(Directory.Exists(dir.File("restricted")));
        Assert.Contains("2 份旧暗访计划记录已从数据库删除", init.StdErr); // said, never silent
        AssertNoOldPlanBytes(dir.Path);
    }

    /// <summary>The upgrade rewrote the database file: the dropped plans' recipient is in none of its bytes.</summary>
    private static void AssertNoOldPlanBytes(string folder)
    {
        var recipient = System.Text.Encoding.UTF8.GetBytes("县纪委监委旧计划收件人");
        foreach (var file in Directory.GetFiles(folder, "*.duckdb*").Where(f => !f.EndsWith(".key")))
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(recipient) < 0, Path.GetFileName(file));
    }
}

/// <summary>A county the demo never saw: two centers, no video checks, no callbacks, no announced visits, too few
/// centers to score. The briefing still comes out through the CLI, says the timing sample is too small, and lists the
/// overdue case by id.</summary>
public class HandMadeCountyInspectionTests
{
    /// <summary>The county: reference feeds and three October cases, one of them open past its due date.</summary>
    internal static void Load(TestWarehouse w)
    {
        w.WriteReferenceFeeds();
        w.WriteCsv("cases.csv", """
            case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status
            A1,511922001,W001,I05,承诺件,窗口,2026-10-08 09:00,2026-10-09 10:00,已办结
            A2,511922001,W002,I03,承诺件,窗口,2026-10-12 09:00,,办理中
            A3,511922101,W101,I00,即办件,窗口,2026-10-13 09:00,2026-10-13 09:20,已办结
            """);
        w.Ingest();
    }

    [Fact]
    public void A_small_county_without_video_checks_gets_a_briefing_that_says_the_sample_is_too_small_and_lists_its_overdue_case()
    {
        using var w = new TestWarehouse();
        HandMadeCountyInspectionTests.Load(w);
        w.Close();
        var restricted = Path.Combine(w.Root, "restricted");

        var result = CliProcess.Run(["report", "inspection", "--db", w.DbPath, "--month", "2026-10", "--out", restricted,
            "--issuer", "县纪委监委第一监督检查室 赵六", "--size", "2", "--issue", "--no-pdf"]);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        var html = File.ReadAllText(Directory.GetFiles(restricted, "*.html").Single());
        Assert.Contains("生成人：县纪委监委第一监督检查室 赵六", html);
        Assert.Contains("本月未能评分", html);
        Assert.Contains("样本不足", html);
        Assert.Matches("<td[^>]*>A2</td>", html); // due 2026-10-15 at the latest, open at month end
        Assert.Equal(2, new InspectionPlanStore(restricted).Load().Single().Items.Count);
        w.Reopen();
    }
}
