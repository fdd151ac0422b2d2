using System.Text;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Feeds;
using Oversight.Ingest;
using Oversight.Privacy;
using Oversight.Warehouse;

namespace Oversight.Tests;

/// <summary>A fresh warehouse with its key and an inbox folder, for tests that load files.</summary>
public sealed class TestWarehouse : IDisposable
{
    private readonly TempDir _dir = new();

    public string DbPath { get; }
    public string Inbox { get; }
    public DuckDBConnection Connection { get; private set; }

    public TestWarehouse()
    {
        DbPath = _dir.File("w.duckdb");
        Inbox = _dir.File("inbox");
        Directory.CreateDirectory(Inbox);
        KeyFile.EnsureExists(DbPath); // a key of its own, made before the file exists, as before
        File.Copy(Template.Value, DbPath);
        Connection = Database.OpenAndMigrate(DbPath);
    }

    /// <summary>A copy of another (closed) warehouse with its key, and an empty inbox of its own: for tests that share a
    /// state costly to build but must not see each other's changes to it.</summary>
    public TestWarehouse(string copyOf)
    {
        DbPath = _dir.File("w.duckdb");
        Inbox = _dir.File("inbox");
        Directory.CreateDirectory(Inbox);
        File.Copy(KeyFile.PathFor(copyOf), KeyFile.PathFor(DbPath));
        File.Copy(copyOf, DbPath);
        Connection = Database.OpenAndMigrate(DbPath);
    }

    /// <summary>A warehouse migrated once per test run and copied for each test: migrating costs about a second of CPU,
    /// a copy a few milliseconds. It holds the schema only (no key fingerprint, no loads), like a fresh one.</summary>
    private static readonly Lazy<string> Template = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("oversight-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        var db = Path.Combine(dir, "w.duckdb");
        using (var connection = Database.OpenAndMigrate(db)) connection.Execute("CHECKPOINT");
        return db;
    });

    public string Root => _dir.Path;

    /// <summary>Files a test just wrote are complete: no settle wait unless a test asks for one.</summary>
    public IngestReport Ingest(double threshold = 0.05, double settleSeconds = 0, IProgress<string>? progress = null) =>
        new Ingestor(Connection, KeyFile.Load(DbPath)).Run(new IngestOptions(Inbox) { RejectThreshold = threshold, SettleSeconds = settleSeconds }, progress);

    public string WriteCsv(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(Inbox, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteXlsx(string name, params object?[][] rows)
    {
        var path = Path.Combine(Inbox, name);
        using var writer = new XlsxWriter(path);
        foreach (var row in rows) writer.WriteRow(row);
        return path;
    }

    /// <summary>Two centers, three windows, three items: enough for fact feeds to refer to.</summary>
    public void WriteReferenceFeeds()
    {
        WriteCsv("centers.csv", """
            center_code,center_name,county_code,kind,population
            511922001,集州街道,511922,街道,52000
            511922101,沙河镇,511922,镇,23000
            """);
        WriteCsv("windows.csv", """
            window_code,center_code,window_name,category
            W001,511922001,综合窗口,综合
            W002,511922001,社保窗口,社保医保
            W101,511922101,综合窗口,综合
            """);
        WriteCsv("items.csv", """
            item_code,item_name,item_kind,promised_days
            I05,低保申请,行政给付,5
            I00,证明开具,便民服务,0
            I03,独生子女证,行政确认,3
            """);
    }

    public T Scalar<T>(string sql) => Connection.ExecuteScalar<T>(sql)!;

    public List<T> Query<T>(string sql) => Connection.Query<T>(sql).ToList();

    /// <summary>Closes and reopens the database, e.g. to read the file on disk.</summary>
    public void Close()
    {
        Connection.Execute("CHECKPOINT");
        Connection.Dispose();
    }

    public void Reopen() => Connection = Database.OpenAndMigrate(DbPath);

    public void Dispose()
    {
        Connection.Dispose();
        _dir.Dispose();
    }
}
