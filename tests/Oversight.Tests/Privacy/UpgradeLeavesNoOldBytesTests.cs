using System.Security.Cryptography;
using System.Text;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Tests.Privacy;

/// <summary>
/// A warehouse made by the schema before masking (migrations V001–V051: free text and file names in clear, hashes as
/// hex text, inspection plans inside), its files 0644 and its models folder 0755, upgraded through the real program:
/// afterwards no byte of the old values is left in the database files, the files are owner-only, the data and the
/// sequences carry on, and the user was told what the upgrade did.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes
public sealed class UpgradeLeavesNoOldBytesTests
{
    private const string Content =
        "投诉人电话13987654321，身份证511922198503174235，邻居137\u00A01111\u00A02222，座机0827—1234567，邮箱zhangsan.old@example.com，请回电";

    private const string FileName = "投诉_张三13811112222.csv";
    private const string Reason = "受理时间“139\u00A08765\u00A04321”无法识别为日期时间";
    private const string HexHash = "5eed00c0ffee00dead00beef00cafe00f00d00bad00fee100d00d00c0de00aced";

    /// <summary>Every old value as its bytes would sit in the file.</summary>
    private static readonly string[] Old =
    [
        "13987654321", "511922198503174235", "137\u00A01111\u00A02222", "0827—1234567", "zhangsan.old", "13811112222",
        "139\u00A08765\u00A04321", HexHash, "RecipientWangWu7", "/restricted/plans/WangWu7", "EvidenceKeyQ9Z",
    ];

    private static void BuildPreMaskingWarehouse(string db)
    {
        using (var c = new DuckDBConnection($"Data Source={db}"))
        {
            c.Open();
            c.Execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
            c.Execute("CREATE TABLE schema_views (checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
            foreach (var file in Directory.GetFiles(Path.Combine(SqlFiles.Root, "migrations"), "V*__*.sql").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var version = int.Parse(name[1..name.IndexOf("__", StringComparison.Ordinal)]);
                if (version >= 60) continue;
                c.Execute(File.ReadAllText(file));
                c.Execute("INSERT INTO schema_version VALUES ($v, $n, 'old', now()::TIMESTAMP)", new { v = version, n = name });
            }
            for (var i = 0; i < 3; i++) c.Execute("SELECT nextval('seq_load_run'), nextval('seq_load_file')");
            c.Execute("INSERT INTO load_run (run_id, started_at) VALUES (3, now()::TIMESTAMP)");
            c.Execute("""
                INSERT INTO load_file (file_id, run_id, file_name, sha256, feed, outcome, loaded_at)
                VALUES (3, 3, $name, 'abc', 'complaints', 'loaded', now()::TIMESTAMP)
                """, new { name = FileName });
            c.Execute("INSERT INTO load_reject VALUES (3, $name, 2, 'received_at', $reason)", new { name = FileName, reason = Reason });
            c.Execute("""
                INSERT INTO fct_complaint (complaint_id, received_at, source, center_code, category, content, verdict, file_id)
                VALUES ('K1', TIMESTAMP '2026-03-05 10:00', '现场', '511922001', '服务态度', $content, '属实', 3)
                """, new { content = Content });
            c.Execute("""
                INSERT INTO fct_case (case_id, center_code, window_code, item_code, case_type, accepted_at, status, applicant_id_hash, recorded_at, file_id)
                VALUES ('C1', '511922001', 'W001', 'I05', '承诺件', TIMESTAMP '2026-03-02 09:00', '办理中', $hash, now()::TIMESTAMP, 3)
                """, new { hash = HexHash });
            c.Execute("""
                INSERT INTO inspection_plan (month, generated_at, generated_by, recipient, folder, files)
                VALUES (DATE '2026-02-01', now()::TIMESTAMP, 'oversight@host', 'RecipientWangWu7', '/restricted/plans/WangWu7', '[]')
                """);
            c.Execute("""
                INSERT INTO inspection_plan_item VALUES (1, DATE '2026-02-01', 1, '511922001', '[]', 'evidence', 'EvidenceKeyQ9Z', 0.9)
                """);
            c.Execute("CHECKPOINT");
        }
        // What an older version left: the umask's modes.
        File.SetUnixFileMode(db, (UnixFileMode)0b110_100_100);
        var models = db + ".models";
        Directory.CreateDirectory(models);
        File.WriteAllText(Path.Combine(models, "model.zip"), "model");
        File.SetUnixFileMode(Path.Combine(models, "model.zip"), (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(models, (UnixFileMode)0b111_101_101);
        File.WriteAllText(db + ".key", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        File.SetUnixFileMode(db + ".key", UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static List<string> FoundIn(string dir)
    {
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(dir, "w.duckdb*").Where(f => !f.EndsWith(".key")))
        {
            var bytes = File.ReadAllBytes(file);
            found.AddRange(Old.Where(old => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(old)) >= 0).Select(old => $"{old} in {Path.GetFileName(file)}"));
        }
        return found;
    }

    [Fact]
    public void An_upgrade_through_ingest_rewrites_the_file_without_the_old_values_tightens_it_and_says_what_it_did()
    {
        using var dir = new TempDir();
        var db = dir.File("w.duckdb");
        BuildPreMaskingWarehouse(db);
        Assert.NotEmpty(FoundIn(dir.Path)); // the values are there in clear to begin with
        var inbox = dir.File("inbox");
        Directory.CreateDirectory(inbox);

        var ingest = CliProcess.Run(["ingest", "--settle-seconds", "0", "--db", db, "--inbox", inbox]);

        Assert.True(ingest.ExitCode == 0, ingest.StdOut + ingest.StdErr);
        var said = ingest.StdOut + ingest.StdErr;
        Console.WriteLine(said);
        Assert.Contains("数据库已从结构版本 51 升级到", said);
        Assert.Contains("1 份旧暗访计划记录已从数据库删除", said); // never silently
        Assert.Contains("整体复制到新文件并替换旧文件", said);
        Assert.Contains("仅本账户可读写", said);
        Assert.Empty(FoundIn(dir.Path));
        Assert.False(File.Exists(DatabaseRewrite.FreshPathFor(db)));

        Assert.Equal("0600", Oversight.Privacy.OwnerOnly.Octal(db));
        Assert.Equal("0700", Oversight.Privacy.OwnerOnly.Octal(db + ".models"));
        Assert.Equal("0600", Oversight.Privacy.OwnerOnly.Octal(Path.Combine(db + ".models", "model.zip")));

        using var c = Database.Open(db, readOnly: true);
        Assert.Equal(
            "投诉人电话139****4321，身份证511922********4235，邻居137****2222，座机0827-***4567，邮箱z***@example.com，请回电",
            c.QuerySingle<string>("SELECT content FROM fct_complaint"));
        Assert.Equal("投诉_张三138****2222.csv", c.QuerySingle<string>("SELECT file_name FROM load_reject"));
        Assert.Equal("受理时间“139****4321”无法识别为日期时间", c.QuerySingle<string>("SELECT reason FROM load_reject"));
        Assert.Equal("bad_date", c.QuerySingle<string>("SELECT kind FROM load_reject")); // V180 reads an old reject's kind from its wording, once
        Assert.True(c.QuerySingle<bool>("SELECT applicant_id_hash = unhex($h) FROM fct_case", new { h = HexHash }));
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'inspection_plan%'"));
        Assert.Equal(Migrator.LatestVersion, Migrator.CurrentVersion(c));
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT count(*) FROM api.complaints")); // views and macros work on the copy
        // The next run and file numbers follow the ones handed out before the copy (ingest took run 4).
        Assert.Equal(5, c.ExecuteScalar<long>("SELECT max(run_id) + 1 FROM load_run"));
    }

    [Fact]
    public void A_new_warehouse_is_not_rewritten_and_an_up_to_date_one_is_left_alone()
    {
        using var dir = new TempDir();
        var db = dir.File("w.duckdb");
        var init = CliProcess.Run(["init", "--db", db]);
        Assert.Equal(0, init.ExitCode);
        Assert.DoesNotContain("升级", init.StdOut + init.StdErr);
        var again = CliProcess.Run(["status", "--db", db]);
        Assert.DoesNotContain("升级", again.StdOut + again.StdErr);
    }
}
