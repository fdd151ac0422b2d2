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
