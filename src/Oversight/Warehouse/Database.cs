using DuckDB.NET.Data;

namespace Oversight.Warehouse;

/// <summary>Opens the warehouse file. DuckDB allows one read-write process per file;
/// a second writer is refused at once with a message naming the holder. The warehouse, its WAL and DuckDB's spill
/// folder are created owner-only (<see cref="Privacy.OwnerOnly.RestrictProcess"/>); every connection has
/// <c>mask_pii</c> (<see cref="Privacy.FreeTextMask"/>).</summary>
public static class Database
{
    public const string DefaultPath = "./oversight.duckdb";

    // SQL names columns in snake_case; C# rows use PascalCase (case_id → CaseId).
    static Database() => Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

    /// <summary>DuckDB's own memory cap; above it, work spills to disk (beside the database), so a
    /// province-size load stays within a county server's memory. OVERSIGHT_MEMORY_LIMIT overrides it.</summary>
    public static string MemoryLimit => Environment.GetEnvironmentVariable("OVERSIGHT_MEMORY_LIMIT") ?? "1200MB";

    public static DuckDBConnection Open(string path, bool readOnly = false)
    {
        var full = Path.GetFullPath(path);
        // Before DuckDB creates anything: it creates the file, the WAL (again after every checkpoint) and its spill
        // folder with the process umask, so a mode set on them afterwards would not last.
        Privacy.OwnerOnly.RestrictProcess();
        if (readOnly && !File.Exists(full))
            throw new WarehouseException(Messages.DatabaseMissing(full));
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var cs = $"Data Source={full}" + (readOnly ? ";ACCESS_MODE=READ_ONLY" : "");
        var connection = new DuckDBConnection(cs);
        try
        {
            connection.Open();
            using var limit = connection.CreateCommand();
            limit.CommandText = $"SET memory_limit = '{MemoryLimit.Replace("'", "")}'" +
                (Environment.GetEnvironmentVariable("OVERSIGHT_THREADS") is { } t && int.TryParse(t, out var n) && n > 0 ? $"; SET threads = {n}" : "");
            limit.ExecuteNonQuery();
            Privacy.FreeTextMask.Register(connection);
        }
        catch (Exception ex)
        {
            connection.Dispose();
            throw Explain(full, ex);
        }
        return connection;
    }

    public static bool IsReadOnly(DuckDBConnection connection) =>
        connection.ConnectionString.Contains("ACCESS_MODE=READ_ONLY", StringComparison.OrdinalIgnoreCase);

    public static bool HasTable(DuckDBConnection connection, string table) =>
        Dapper.SqlMapper.ExecuteScalar<bool>(connection,
            "SELECT count(*) > 0 FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' AND table_name = $t", new { t = table });

    /// <summary>Where the one-line Chinese account of an upgrade goes (standard error by default, so a command's own
    /// output stays as it was; the service's log captures it).</summary>
    public static Action<string> UpgradeNotice { get; set; } = message => Console.Error.WriteLine(message);

    /// <summary>Opens read-write and brings the schema up to date, with the county folder beside the database.</summary>
    public static DuckDBConnection OpenAndMigrate(string path, bool plansMovedOut = false) => OpenAndMigrate(path, out _, null, plansMovedOut).Connection;

    /// <summary>Opens read-write with the county folder chosen for this warehouse (null: beside the database) and brings
    /// the schema up to date: the county's seeds are read from that folder, which comes back with the connection.</summary>
    public static CountyWarehouse OpenAndMigrate(string path, Configuration.CountyFolder? county, bool plansMovedOut = false) =>
        OpenAndMigrate(path, out _, county, plansMovedOut);

    /// <summary>Opens read-write and brings the schema up to date. An upgrade of an existing warehouse whose steps drop
    /// or rewrite personal data rewrites the file (<see cref="DatabaseRewrite"/>); every upgrade tightens the
    /// warehouse's files to owner-only and tells the user what it did, whichever command ran it.</summary>
    public static CountyWarehouse OpenAndMigrate(string path, out Migrator.Run run, Configuration.CountyFolder? county = null, bool plansMovedOut = false)
    {
        county ??= Configuration.CountyFolder.For(path);
        var connection = Open(path);
        try
        {
            run = Migrator.Apply(connection, county, plansMovedOut);
            if (!run.Upgraded) return new CountyWarehouse(connection, county);
            var tightened = Tighten(path);
            if (run.NeedsRewrite)
            {
                connection.Dispose();
                DatabaseRewrite.Run(path);
                connection = Open(path);
                Migrator.RecreateViews(connection, county); // as this version defines them, whatever the copy made of them
                Tighten(path);
            }
            UpgradeNotice(Describe(run, tightened));
            return new CountyWarehouse(connection, county);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The warehouse file, its WAL, the models folder (with its files) and DuckDB's spill folder, owner-only:
    /// a warehouse made by an older version kept the umask's 0644 and 0755. Returns the paths that were open to others.</summary>
    private static IReadOnlyList<string> Tighten(string path)
    {
        var full = Path.GetFullPath(path);
        var paths = new List<string> { full, full + ".wal", full + ".models", full + ".tmp" };
        foreach (var folder in new[] { full + ".models", full + ".tmp" })
            if (Directory.Exists(folder)) paths.AddRange(Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories));
        var opened = paths.Where(Privacy.OwnerOnly.OthersMayAccess).ToList();
        foreach (var p in opened) Privacy.OwnerOnly.Tighten(p);
        return opened;
    }

    private static string Describe(Migrator.Run run, IReadOnlyList<string> tightened)
    {
        return Messages.DatabaseUpgraded(run.FromVersion, run.Applied.Max(), run.Applied.Count, run.Notes, run.NeedsRewrite,
            tightened.Select(p => Path.GetFileName(p)).Distinct().Take(5).ToList());
    }

    internal static WarehouseException Explain(string path, Exception ex)
    {
        var msg = ex.Message;
        if (msg.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase) ||
            msg.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase))
        {
            var pid = System.Text.RegularExpressions.Regex.Match(msg, @"PID (\d+)");
            return new WarehouseException(Messages.DatabaseLocked(path, pid.Success ? pid.Groups[1].Value : null), ex);
        }
        if (msg.Contains("not a valid DuckDB database", StringComparison.OrdinalIgnoreCase) ||
            msg.Contains("Corrupt", StringComparison.OrdinalIgnoreCase) ||
            msg.Contains("database file", StringComparison.OrdinalIgnoreCase) && msg.Contains("invalid", StringComparison.OrdinalIgnoreCase))
        {
            return new WarehouseException(Messages.DatabaseCorrupt(path), ex);
        }
        return new WarehouseException(Messages.DatabaseUnopenable(path, msg), ex);
    }
}
