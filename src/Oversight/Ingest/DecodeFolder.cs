using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Ingest;

/// <summary>The private folder where decoded copies of inbox files are written while they load: beside the
/// database (not the shared /tmp), owner-only, emptied after each file and at the start of every run, so what a
/// killed run left behind is removed by the next.</summary>
public static class DecodeFolder
{
    public static string BesideDatabase(DuckDBConnection connection)
    {
        var db = connection.ExecuteScalar<string?>("SELECT path FROM duckdb_databases() WHERE database_name = current_database()");
        if (string.IsNullOrEmpty(db) || db == ":memory:")
            return Path.Combine(Path.GetTempPath(), $"oversight-decoded-{Environment.UserName}");
        return Path.GetFullPath(db) + ".decoded";
    }

    public static string Prepare(string dir)
    {
        OwnerOnly.Directory(dir);
        Empty(dir);
        return dir;
    }

    public static void Empty(string dir)
    {
        if (!Directory.Exists(dir)) return;
        foreach (var file in Directory.GetFiles(dir)) File.Delete(file);
        foreach (var sub in Directory.GetDirectories(dir)) Directory.Delete(sub, recursive: true);
    }
}
