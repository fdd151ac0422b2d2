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

    /// <summary>Migrations that drop or rewrite personal or confidential data: after any of them an upgraded warehouse's
    /// file is rewritten (<see cref="DatabaseRewrite"/>), since DuckDB leaves the old values in free blocks.
    /// V060 hashes as bytes (the hex text stayed), V081 masks free text, V090 drops the inspection plans, V130 masks by
    /// shape (forms V081 missed, file names).</summary>
    public static readonly IReadOnlySet<int> RewritesPersonalData = new HashSet<int> { 60, 81, 90, 130 };

    /// <summary>What one migration run did: the version it started from (0: a new warehouse) and what it applied, with
    /// a sentence for the user for each step that touched personal or confidential data.</summary>
    public sealed record Run(int FromVersion, IReadOnlyList<int> Applied, IReadOnlyList<string> Notes)
    {
        public bool Upgraded => FromVersion > 0 && Applied.Count > 0;

        public bool NeedsRewrite => Upgraded && Applied.Any(RewritesPersonalData.Contains);
    }

    /// <summary>Applies the pending migrations to a warehouse without a county folder (the shipped seeds only).</summary>
    public static int Migrate(DuckDBConnection connection) => Apply(connection, county: null).Applied.Count;

    /// <summary>Applies the pending migrations, the seeds with <paramref name="county"/>'s copies (none: the shipped ones).
    /// <paramref name="plansMovedOut"/>: the caller has already moved the inspection plans of an older warehouse into the
    /// restricted store, so V090 drops copies, not the only record.</summary>
    public static Run Apply(DuckDBConnection connection, Configuration.CountyFolder? county, bool plansMovedOut = false) =>
        Apply(connection, Ingest.Feed.All, county, plansMovedOut);

    /// <summary>As <see cref="Apply(DuckDBConnection, Configuration.CountyFolder?, bool)"/> for a given feed spec (a test's
    /// spec with a column more).</summary>
    internal static Run Apply(DuckDBConnection connection, IReadOnlyList<Ingest.Feed> feeds, Configuration.CountyFolder? county = null,
        bool plansMovedOut = false)
    {
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
            CREATE TABLE IF NOT EXISTS schema_views (checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
            """);
        var applied = connection.Query<int>("SELECT version FROM schema_version").ToHashSet();
        var from = applied.DefaultIfEmpty(0).Max();
        var done = new List<int>();
        var notes = new List<string>();
        foreach (var migration in Migrations())
        {
            if (applied.Contains(migration.Version)) continue;
            if (from > 0 && UpgradeNote(connection, migration.Version, plansMovedOut) is { } note) notes.Add(note);
            using var tx = connection.BeginTransaction();
            connection.Execute(migration.Sql, transaction: tx);
            connection.Execute(
                "INSERT INTO schema_version VALUES ($v, $n, $c, now()::TIMESTAMP)",
                new { v = migration.Version, n = migration.Name, c = Checksum(migration.Sql) }, tx);
            tx.Commit();
            done.Add(migration.Version);
        }
        var columns = AddFeedColumns(connection, feeds);
        ApplyViews(connection, feeds, county, force: done.Count > 0 || columns > 0);
        return new Run(from, done, notes);
    }

    /// <summary>The feed spec's columns are its core table's columns: one added to a feed in Feed.cs is added to the
    /// table here (NULL in the rows loaded before), with no migration. So is exported_at, which the generated upsert of a
    /// fact feed compares. Migrations keep what the spec cannot say: keys, renames, moving data. A feed whose loader
    /// parses its own columns (Custom) keeps its table as its migrations made it. Returns how many columns were added.</summary>
    private static int AddFeedColumns(DuckDBConnection connection, IEnumerable<Ingest.Feed> feeds)
    {
        var added = 0;
        foreach (var feed in feeds.Where(f => f.Table is not null && f.Columns.All(c => c.Type != Ingest.ColumnType.Custom)))
        {
            var have = connection.Query<string>(
                    "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $t",
                    new { t = feed.Table }).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (have.Count == 0) throw new WarehouseException(Messages.TableMissing(feed.Table!, feed.ChineseName));
            var wanted = Ingest.LoaderSql.Stored(feed).Select(c => (c.Name, c.SqlType)).ToList();
            if (!feed.IsReference) wanted.Add(("exported_at", "TIMESTAMP"));
            foreach (var (name, type) in wanted.Where(w => !have.Contains(w.Name)))
            {
                connection.Execute($"ALTER TABLE {feed.Table} ADD COLUMN {name} {type}");
                added++;
            }
        }
        return added;
    }

    /// <summary>What a migration about to run does to data the user has, in a sentence; null for schema-only steps.</summary>
    private static string? UpgradeNote(DuckDBConnection connection, int version, bool plansMovedOut)
    {
        switch (version)
        {
            case 60: return Messages.UpgradeHashesAsBytes;
            case 81: return Messages.UpgradeMaskedFreeText;
            case 90:
                var plans = Database.HasTable(connection, "inspection_plan")
                    ? connection.ExecuteScalar<long>("SELECT count(*) FROM inspection_plan") : 0;
                if (plans == 0) return Messages.UpgradeNoPlans;
                return plansMovedOut
                    ? Messages.UpgradePlansMoved(plans)
                    : Messages.UpgradePlansDropped(plans);
            case 130: return Messages.UpgradeMaskedByShape;
            default: return null;
        }
    }

    public static int CurrentVersion(DuckDBConnection connection) =>
        connection.ExecuteScalar<int?>("SELECT max(version) FROM schema_version") ?? 0;

    public static int LatestVersion => Migrations().Select(m => m.Version).DefaultIfEmpty(0).Max();

    /// <summary>Creates the seeds and views again, whatever their checksum: after a rewrite copied them.</summary>
    public static void RecreateViews(DuckDBConnection connection, Configuration.CountyFolder? county) =>
        ApplyViews(connection, Ingest.Feed.All, county, force: true);

    private static void ApplyViews(DuckDBConnection connection, IEnumerable<Ingest.Feed> feeds, Configuration.CountyFolder? county, bool force)
    {
        var files = ViewLayers
            .Select(layer => Path.Combine(SqlFiles.Root, layer))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.GetFiles(dir, "*.sql").Order(StringComparer.Ordinal))
            .ToList();
        var seedDir = Path.Combine(SqlFiles.Root, "seeds");
        var seeds = Directory.Exists(seedDir) ? Directory.GetFiles(seedDir, "*.csv").Order(StringComparer.Ordinal).ToList() : [];
        var countySeeds = seeds.Select(s => county?.Seed(Path.GetFileNameWithoutExtension(s))).OfType<string>().ToList();
        // Each feed of the spec with a table and no api file of its own gets its generated api view.
        var views = files.Select(f => (Name: Path.GetRelativePath(SqlFiles.Root, f), Sql: File.ReadAllText(f)))
            .Concat(feeds
                .Where(f => f.Table is not null && !File.Exists(Path.Combine(SqlFiles.Root, "api", f.Name + ".sql")))
                .Select(f => (Name: Messages.GeneratedApiView(f.Name), Sql: Ingest.LoaderSql.ApiView(f))))
            .ToList();
        // The county's copies count too: an edit there re-creates the seeds at the next open.
        var checksum = Checksum(string.Join("\n", seeds.Select(f => Path.GetFileName(f) + File.ReadAllText(f))
            .Concat(views.Select(v => Path.GetFileName(v.Name) + v.Sql))
            .Concat(countySeeds.Select(f => f + File.ReadAllText(f)))));
        var current = connection.ExecuteScalar<string?>("SELECT checksum FROM schema_views ORDER BY applied_at DESC LIMIT 1");
        if (!force && current == checksum) return;

        using var tx = connection.BeginTransaction();
        foreach (var seed in seeds)
        {
            var name = Path.GetFileNameWithoutExtension(seed);
            var own = county?.Seed(name);
            connection.Execute($"CREATE OR REPLACE TABLE seed_{name} AS {(own is null ? ReadCsv(seed) : CountySeed.Select(connection, tx, seed, own))}", transaction: tx);
        }
        // Views may depend on views later in the list; retry the failures until none progress.
        var pending = views;
        while (pending.Count > 0)
        {
            var failed = new List<((string Name, string Sql) View, Exception Error)>();
            foreach (var view in pending)
            {
                try { connection.Execute(view.Sql, transaction: tx); }
                catch (Exception ex) { failed.Add((view, ex)); }
            }
            if (failed.Count == pending.Count)
            {
                var (view, error) = failed[0];
                throw new WarehouseException(Messages.ViewFailed(view.Name, error.Message), error);
            }
            pending = failed.Select(f => f.View).ToList();
        }
        connection.Execute("DELETE FROM schema_views; INSERT INTO schema_views VALUES ($c, now()::TIMESTAMP)", new { c = checksum }, tx);
        tx.Commit();
    }

    internal static string ReadCsv(string path) => $"SELECT * FROM read_csv('{path.Replace("'", "''")}', header = true, all_varchar = true)";

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
