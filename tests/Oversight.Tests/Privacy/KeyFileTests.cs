using System.Text;
using Dapper;
using Oversight.Privacy;
using Oversight.Warehouse;

namespace Oversight.Tests.Privacy;

/// <summary>Each way a key file can be wrong, through the real program: refused in Chinese, never replaced.</summary>
public class KeyFileTests
{
    private const string Phone = "13987654321";

    private static void WriteInbox(string inbox, string caseId = "C1")
    {
        Directory.CreateDirectory(inbox);
        var utf8 = new UTF8Encoding(false);
        File.WriteAllText(Path.Combine(inbox, "centers.csv"), "center_code,center_name,county_code,kind\n511922001,集州街道,511922,街道\n", utf8);
        File.WriteAllText(Path.Combine(inbox, "windows.csv"), "window_code,center_code,window_name\nW001,511922001,综合窗口\n", utf8);
        File.WriteAllText(Path.Combine(inbox, "items.csv"), "item_code,item_name,promised_days\nI05,低保申请,5\n", utf8);
        File.WriteAllText(Path.Combine(inbox, $"cases_{caseId}.csv"),
            $"case_id,center_code,window_code,item_code,case_type,accepted_at,status,applicant_phone\n{caseId},511922001,W001,I05,承诺件,2026-03-02 09:00,办理中,{Phone}\n", utf8);
    }

    private static CliProcess.Result Cli(params string[] args) => CliProcess.Run(args);

    private static long Cases(string db)
    {
        using var c = Database.Open(db, readOnly: true);
        return c.ExecuteScalar<long>("SELECT count(*) FROM fct_case");
    }

    [Theory]
    [InlineData("", "文件是空的")]
    [InlineData("\n", "文件是空的")]
    [InlineData("A1B2", "长度不对")]
    [InlineData("00112233445566778899AABBCCDDEEFF", "长度不对")] // 16 bytes
    [InlineData("zz112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF", "不是十六进制")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "不是随机生成的")]
    public void An_empty_short_or_malformed_key_is_refused_in_chinese_and_left_as_it_is(string content, string reason)
    {
        using var dir = new TempDir();
        var db = dir.File("w.duckdb");
        File.WriteAllText(KeyFile.PathFor(db), content);
        WriteInbox(dir.File("inbox"));

        foreach (var args in new[] { new[] { "init", "--db", db }, ["ingest", "--settle-seconds", "0", "--db", db, "--inbox", dir.File("inbox")] })
        {
            var result = Cli(args);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("密钥文件", result.StdErr);
            Assert.Contains(reason, result.StdErr);
            Assert.Contains("拒绝使用", result.StdErr);
            Assert.DoesNotContain("   at ", result.StdErr);
        }
        Assert.Equal(content, File.ReadAllText(KeyFile.PathFor(db))); // never replaced behind the user's back
        Assert.True(File.Exists(Path.Combine(dir.File("inbox"), "cases_C1.csv"))); // nothing was loaded or moved
    }

    [Fact]
    public void Init_records_a_fingerprint_of_the_key_never_the_key_itself()
    {
        using var dir = new TempDir();
        var db = dir.File("w.duckdb");
        var init = Cli("init", "--db", db);
        Assert.Equal(0, init.ExitCode);
        Assert.Contains("新生成", init.StdOut);
        Assert.Contains("备份", init.StdOut);
        var key = KeyFile.Load(db);
        using (var c = Database.Open(db, readOnly: true))
        {
            var recorded = c.Query<string>("SELECT fingerprint FROM warehouse_key").Single();
            Assert.Equal(KeyFingerprint.Of(key), recorded);
            Assert.DoesNotContain(Convert.ToHexString(key), recorded, StringComparison.OrdinalIgnoreCase);
        }
        var again = Cli("init", "--db", db);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("经核对与本数据库一致", again.StdOut);
        Assert.Equal(key, KeyFile.Load(db));
        var bytes = File.ReadAllBytes(db);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(key));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToHexString(key))));
    }

    [Fact]
    public void Another_warehouses_key_is_refused_by_every_command_that_hashes_and_changes_nothing()
    {
        using var dir = new TempDir();
        var a = dir.File("a.duckdb");
        var b = dir.File("b.duckdb");
        WriteInbox(dir.File("inbox-a"));
        Assert.Equal(0, Cli("init", "--db", a).ExitCode);
        Assert.Equal(0, Cli("ingest", "--settle-seconds", "0", "--db", a, "--inbox", dir.File("inbox-a")).ExitCode);
        Assert.Equal(0, Cli("init", "--db", b).ExitCode);
        var ownKey = File.ReadAllText(KeyFile.PathFor(a));
        File.Copy(KeyFile.PathFor(b), KeyFile.PathFor(a), overwrite: true);

        WriteInbox(dir.File("inbox-a2"), "C2");
        var ingest = Cli("ingest", "--settle-seconds", "0", "--db", a, "--inbox", dir.File("inbox-a2"));
        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains("不是本数据库所用的密钥", ingest.StdErr);
        Assert.Contains("请从备份恢复", ingest.StdErr);
        Assert.Equal(1, Cases(a));
        Assert.True(File.Exists(Path.Combine(dir.File("inbox-a2"), "cases_C2.csv")));

        var init = Cli("init", "--db", a);
        Assert.Equal(1, init.ExitCode);
        Assert.Contains("不是本数据库所用的密钥", init.StdErr);
        var inspection = Cli("report", "inspection", "--db", a, "--month", "2026-03", "--out", dir.File("restricted"), "--no-pdf");
        Assert.Equal(1, inspection.ExitCode);
        Assert.Contains("不是本数据库所用的密钥", inspection.StdErr);
        var status = Cli("status", "--db", a);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("不是本数据库所用的密钥", status.StdOut);

        // With its own key back, the warehouse loads again and the same phone links.
        File.WriteAllText(KeyFile.PathFor(a), ownKey);
        Assert.Equal(0, Cli("ingest", "--settle-seconds", "0", "--db", a, "--inbox", dir.File("inbox-a2")).ExitCode);
        using var c = Database.Open(a, readOnly: true);
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT count(DISTINCT applicant_phone_hash) FROM fct_case"));
        Assert.Equal(2L, c.ExecuteScalar<long>("SELECT count(*) FROM fct_case"));
    }

    [Fact]
    public void A_lost_key_is_not_replaced_by_init_or_serve_for_a_warehouse_holding_hashes_and_the_restored_backup_works()
    {
        using var dir = new TempDir();
        var db = dir.File("w.duckdb");
        WriteInbox(dir.File("inbox"));
        Assert.Equal(0, Cli("init", "--db", db).ExitCode);
        Assert.Equal(0, Cli("ingest", "--settle-seconds", "0", "--db", db, "--inbox", dir.File("inbox")).ExitCode);
        var backup = dir.File("key.backup");
        File.Move(KeyFile.PathFor(db), backup);

        var init = Cli("init", "--db", db);
        Assert.Equal(1, init.ExitCode);
        Assert.Contains("找不到个人信息加密密钥文件", init.StdErr);
        Assert.Contains("请从备份恢复原密钥文件", init.StdErr);
        Assert.False(File.Exists(KeyFile.PathFor(db)));

        var settings = dir.File("settings.json");
        Assert.Equal(0, Cli("serve", "--write-settings", settings).ExitCode);
        var json = File.ReadAllText(settings);
        File.WriteAllText(settings, System.Text.RegularExpressions.Regex.Replace(json, "(\"database\"\\s*:\\s*)\"[^\"]*\"",
            m => m.Groups[1].Value + $"\"{db}\"", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        var serve = CliProcess.Run(["serve", "--settings", settings, "--catch-up-only"], timeoutMs: 120_000);
        Assert.NotEqual(0, serve.ExitCode);
        Assert.Contains("请从备份恢复原密钥文件", serve.StdErr + serve.StdOut);
        Assert.False(File.Exists(KeyFile.PathFor(db)));

        var status = Cli("status", "--db", db);
        Assert.Contains("找不到密钥文件", status.StdOut);

        File.Move(backup, KeyFile.PathFor(db));
        Assert.Equal(0, Cli("init", "--db", db).ExitCode);
        WriteInbox(dir.File("inbox2"), "C2");
        Assert.Equal(0, Cli("ingest", "--settle-seconds", "0", "--db", db, "--inbox", dir.File("inbox2")).ExitCode);
        using var c = Database.Open(db, readOnly: true);
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT count(DISTINCT applicant_phone_hash) FROM fct_case WHERE applicant_phone_hash IS NOT NULL"));
    }

    [Fact]
    public void A_warehouse_that_holds_nothing_hashed_gets_a_new_key_from_init()
    {
        using var dir = new TempDir();
        var db = dir.File("w.duckdb");
        Assert.Equal(0, Cli("init", "--db", db).ExitCode);
        File.Delete(KeyFile.PathFor(db));
        // A fingerprint is recorded, so even an empty warehouse keeps its key: init refuses.
        Assert.Equal(1, Cli("init", "--db", db).ExitCode);

        using var dir2 = new TempDir();
        var legacy = dir2.File("w.duckdb");
        using (var c = Database.OpenAndMigrate(legacy)) c.Execute("DELETE FROM warehouse_key");
        var init = Cli("init", "--db", legacy);
        Assert.Equal(0, init.ExitCode);
        Assert.Contains("新生成", init.StdOut);
        Assert.Equal(KeyFile.KeyBytes, KeyFile.Load(legacy).Length);
    }
}
