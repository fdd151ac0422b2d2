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
            throw new WarehouseException($"数据库文件不存在：{full}。请先运行 oversight init。");
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var cs = $"Data Source={full}" + (readOnly ? ";ACCESS_MODE=READ_ONLY" : "");
        var connection = new DuckDBConnection(cs);
        try
        {
            connection.Open();
            using var limit = connection.CreateCommand();
            limit.CommandText = $"SET memory_limit = '{MemoryLimit.Replace("'", "")}'" +
                (Environment.GetEnvironmentVariable("OVERSIGHT_THREADS") is { } t && int.TryParse(t, out var n) ? $"; SET threads = {n}" : "");
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

    /// <summary>Opens read-write and brings the schema up to date.</summary>
    public static DuckDBConnection OpenAndMigrate(string path, bool plansMovedOut = false) => OpenAndMigrate(path, out _, null, plansMovedOut);

    /// <summary>Opens read-write with the county folder chosen for this warehouse (null: beside the database) and brings
    /// the schema up to date: the county's seeds are read from that folder.</summary>
    public static DuckDBConnection OpenAndMigrate(string path, Configuration.CountyFolder? county, bool plansMovedOut = false) =>
        OpenAndMigrate(path, out _, county, plansMovedOut);

    /// <summary>Opens read-write and brings the schema up to date. An upgrade of an existing warehouse whose steps drop
    /// or rewrite personal data rewrites the file (<see cref="DatabaseRewrite"/>); every upgrade tightens the
    /// warehouse's files to owner-only and tells the user what it did, whichever command ran it.</summary>
    public static DuckDBConnection OpenAndMigrate(string path, out Migrator.Run run, Configuration.CountyFolder? county = null, bool plansMovedOut = false)
    {
        var connection = Open(path, county);
        try
        {
            run = Migrator.Apply(connection, plansMovedOut);
            if (!run.Upgraded) return connection;
            var tightened = Tighten(path);
            if (run.NeedsRewrite)
            {
                connection.Dispose();
                DatabaseRewrite.Run(path);
                connection = Open(path, county);
                Migrator.RecreateViews(connection); // as this version defines them, whatever the copy made of them
                Tighten(path);
            }
            UpgradeNotice(Describe(run, tightened));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static DuckDBConnection Open(string path, Configuration.CountyFolder? county)
    {
        var connection = Open(path);
        if (county is not null) Configuration.CountyFolder.Attach(connection, county);
        return connection;
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
        var text = $"数据库已从结构版本 {run.FromVersion} 升级到 {run.Applied.Max()}（执行 {run.Applied.Count} 个迁移）";
        if (run.Notes.Count > 0) text += "：" + string.Join("；", run.Notes);
        text += "。";
        if (run.NeedsRewrite) text += "因本次升级删除或改写了个人信息或机密记录，数据库已整体复制到新文件并替换旧文件，旧文件中残留的原值已不复存在。";
        text += tightened.Count > 0
            ? $"数据库文件及模型文件夹已改为仅本账户可读写（此前其他账户可读：{string.Join("、", tightened.Select(Path.GetFileName).Distinct().Take(5))}）。"
            : "数据库文件及模型文件夹均为仅本账户可读写。";
        return text;
    }

    internal static WarehouseException Explain(string path, Exception ex)
    {
        var msg = ex.Message;
        if (msg.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase) ||
            msg.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase))
        {
            var pid = System.Text.RegularExpressions.Regex.Match(msg, @"PID (\d+)");
            var holder = pid.Success ? $"（进程号 {pid.Groups[1].Value}）" : "";
            return new WarehouseException(
                $"数据库 {path} 正被另一个写入进程{holder}占用（可能是 oversight serve 或另一次导入）。请等其结束后再试。", ex);
        }
        if (msg.Contains("not a valid DuckDB database", StringComparison.OrdinalIgnoreCase) ||
            msg.Contains("Corrupt", StringComparison.OrdinalIgnoreCase) ||
            msg.Contains("database file", StringComparison.OrdinalIgnoreCase) && msg.Contains("invalid", StringComparison.OrdinalIgnoreCase))
        {
            return new WarehouseException($"数据库文件 {path} 已损坏或不是 DuckDB 数据库，无法打开。请从备份恢复，或换一个路径重新 init。", ex);
        }
        return new WarehouseException($"无法打开数据库 {path}：{msg}", ex);
    }
}
