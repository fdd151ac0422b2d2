using System.Security.Cryptography;
using System.Text;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Warehouse;

/// <summary>Applies sql/migrations/V###__name.sql in order, once each, then (re)creates the
/// seeds (sql/seeds/NAME.csv → table seed_NAME) and views under sql/{staging,core,marts,features,api}
/// when any of them changed. Re-running is a no-op.</summary>
public static class Migrator
{
    /// <summary>View layers in dependency order; within a layer, views may refer to each other.</summary>
    public static readonly string[] ViewLayers = ["staging", "core", "marts", "features", "api"];

    public static int Migrate(DuckDBConnection connection)
    {
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
            CREATE TABLE IF NOT EXISTS schema_views (checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
            """);
        var applied = connection.Query<int>("SELECT version FROM schema_version").ToHashSet();
        var count = 0;
        foreach (var migration in Migrations())
        {
            if (applied.Contains(migration.Version)) continue;
            using var tx = connection.BeginTransaction();
            connection.Execute(migration.Sql, transaction: tx);
            connection.Execute(
                "INSERT INTO schema_version VALUES ($v, $n, $c, now()::TIMESTAMP)",
                new { v = migration.Version, n = migration.Name, c = Checksum(migration.Sql) }, tx);
            tx.Commit();
            count++;
        }
        ApplyViews(connection, force: count > 0);
        return count;
    }

    public static int CurrentVersion(DuckDBConnection connection) =>
        connection.ExecuteScalar<int?>("SELECT max(version) FROM schema_version") ?? 0;

    public static int LatestVersion => Migrations().Select(m => m.Version).DefaultIfEmpty(0).Max();

    private static void ApplyViews(DuckDBConnection connection, bool force)
    {
        var files = ViewLayers
            .Select(layer => Path.Combine(SqlFiles.Root, layer))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.GetFiles(dir, "*.sql").Order(StringComparer.Ordinal))
            .ToList();
        var seedDir = Path.Combine(SqlFiles.Root, "seeds");
        var seeds = Directory.Exists(seedDir) ? Directory.GetFiles(seedDir, "*.csv").Order(StringComparer.Ordinal).ToList() : [];
        var checksum = Checksum(string.Join("\n", seeds.Concat(files).Select(f => Path.GetFileName(f) + File.ReadAllText(f))));
        var current = connection.ExecuteScalar<string?>("SELECT checksum FROM schema_views ORDER BY applied_at DESC LIMIT 1");
        if (!force && current == checksum) return;

        using var tx = connection.BeginTransaction();
        foreach (var seed in seeds)
        {
            var table = "seed_" + Path.GetFileNameWithoutExtension(seed);
            connection.Execute(
                $"CREATE OR REPLACE TABLE {table} AS SELECT * FROM read_csv('{seed.Replace("'", "''")}', header = true, all_varchar = true)",
                transaction: tx);
        }
        // Views may depend on views later in the list; retry the failures until none progress.
        var pending = files;
        while (pending.Count > 0)
        {
            var failed = new List<(string File, Exception Error)>();
            foreach (var file in pending)
            {
                try { connection.Execute(File.ReadAllText(file), transaction: tx); }
                catch (Exception ex) { failed.Add((file, ex)); }
            }
            if (failed.Count == pending.Count)
            {
                var (file, error) = failed[0];
                throw new WarehouseException($"SQL 视图文件 {Path.GetRelativePath(SqlFiles.Root, file)} 无法创建：{error.Message}", error);
            }
            pending = failed.Select(f => f.File).ToList();
        }
        connection.Execute("DELETE FROM schema_views; INSERT INTO schema_views VALUES ($c, now()::TIMESTAMP)", new { c = checksum }, tx);
        tx.Commit();
    }

    private sealed record Migration(int Version, string Name, string Sql);

    private static IEnumerable<Migration> Migrations() =>
        Directory.GetFiles(Path.Combine(SqlFiles.Root, "migrations"), "V*__*.sql")
            .Select(path =>
            {
                var name = Path.GetFileNameWithoutExtension(path);
                var version = int.Parse(name[1..name.IndexOf("__", StringComparison.Ordinal)]);
                return new Migration(version, name, File.ReadAllText(path));
            })
            .OrderBy(m => m.Version);

    private static string Checksum(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
