using Dapper;
using Oversight.Warehouse;

namespace Oversight.Tests.Warehouse;

public class MigratorTests
{
    [Fact]
    public void Migrating_a_new_database_applies_every_migration_and_a_second_run_is_a_no_op()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "w.duckdb");
        using (var connection = Database.Open(db))
        {
            Assert.Equal(Directory.GetFiles(Path.Combine(SqlFiles.Root, "migrations"), "V*.sql").Length, Migrator.Migrate(connection));
            Assert.Equal(Migrator.LatestVersion, Migrator.CurrentVersion(connection));
        }
        using (var connection = Database.Open(db))
        {
            Assert.Equal(0, Migrator.Migrate(connection));
            Assert.Equal(Migrator.LatestVersion, connection.ExecuteScalar<int>("SELECT max(version) FROM schema_version"));
        }
    }

    [Fact]
    public void Upgrading_a_warehouse_keeps_its_hex_hashes_now_stored_as_bytes()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "w.duckdb");
        const string hash = "3c2a56f2b9c9a8e8d1e4f0b1a2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5";
        using (var connection = Database.Open(db))
        {
            // A warehouse as V051 left it: hashes in hex text.
            connection.Execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
            foreach (var file in Directory.GetFiles(Path.Combine(SqlFiles.Root, "migrations"), "V*.sql").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var version = int.Parse(name[1..4]);
                if (version > 51) continue;
                connection.Execute(File.ReadAllText(file));
                connection.Execute("INSERT INTO schema_version VALUES ($v, $n, 'old', now()::TIMESTAMP)", new { v = version, n = name });
            }
            connection.Execute($"""
                INSERT INTO fct_case (case_id, center_code, window_code, item_code, case_type, accepted_at, status,
                    applicant_id_hash, applicant_id_masked, applicant_phone_hash, recorded_at, file_id)
                VALUES ('C1', '511922001', 'W001', 'I05', '承诺件', '2026-03-02 09:00', '办理中', '{hash}', '511922********423X', NULL, '2026-03-02 09:00', 1);
                INSERT INTO fct_callback (callback_id, case_id, method, called_at, reached, phone_hash, phone_masked, file_id)
                VALUES ('B1', 'C1', '电话回访', '2026-03-06 10:00', true, '{hash}', '139****4321', 1);
                INSERT INTO fct_complaint (complaint_id, received_at, source, center_code, category, verdict, complainant_phone_hash, file_id)
                VALUES ('K1', '2026-03-07 10:00', '12345', '511922001', '服务态度', '核查中', '{hash}', 1);
                """);
        }
        using (var connection = Database.Open(db))
        {
            // V060 and whatever migrations came after it.
            var later = Directory.GetFiles(Path.Combine(SqlFiles.Root, "migrations"), "V*.sql")
                .Count(f => int.Parse(Path.GetFileName(f)[1..4]) > 51);
            Assert.Equal(later, Migrator.Migrate(connection));
            Assert.Equal("BLOB", connection.ExecuteScalar<string>("SELECT data_type FROM duckdb_columns() WHERE table_name = 'fct_case' AND column_name = 'applicant_id_hash'"));
            Assert.Equal((hash, (string?)null, "511922********423X"),
                connection.QuerySingle<(string, string?, string)>("SELECT applicant_id_hash, applicant_phone_hash, applicant_id_masked FROM api.cases"));
            Assert.Equal(hash, connection.ExecuteScalar<string>("SELECT phone_hash FROM api.callbacks"));
            Assert.Equal(hash, connection.ExecuteScalar<string>("SELECT complainant_phone_hash FROM api.complaints"));
        }
    }

    [Fact]
    public void A_second_writer_is_refused_with_a_chinese_message_naming_the_file()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "w.duckdb");
        using var first = Database.OpenAndMigrate(db);
        // DuckDB's file lock is per process; a second process is needed to see the refusal.
        var result = CliProcess.Run(["init", "--db", db]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("正被另一个写入进程", result.StdErr);
        Assert.Contains(db, result.StdErr);
    }
}
