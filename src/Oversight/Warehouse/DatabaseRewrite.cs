using Dapper;

namespace Oversight.Warehouse;

/// <summary>
/// Copies a warehouse into a fresh file and swaps it in, so values an upgrade dropped or masked leave no bytes
/// behind: DuckDB reuses a freed block but never clears it, so `grep -a` on the old file still finds them.
/// The copy (ATTACH + COPY FROM DATABASE) is made beside the database, owner-only, checkpointed and closed before a
/// rename(2) replaces the old file in one step: a crash before it leaves the old warehouse whole and a stray
/// "*.rewrite" file that the next rewrite removes; after it, the new one.
/// </summary>
public static class DatabaseRewrite
{
    public static string FreshPathFor(string dbPath) => Path.GetFullPath(dbPath) + ".rewrite";

    /// <summary>Rewrites the closed warehouse at <paramref name="dbPath"/>; nothing may hold it open.</summary>
    public static void Run(string dbPath)
    {
        var full = Path.GetFullPath(dbPath);
        var fresh = FreshPathFor(full);
        foreach (var leftover in new[] { fresh, fresh + ".wal" }) File.Delete(leftover);
        using (var connection = Database.Open(full))
        {
            connection.Execute("CHECKPOINT");
            var sequences = connection.Query<(string Name, long? Last)>(
                "SELECT sequence_name, last_value FROM duckdb_sequences() WHERE NOT temporary AND schema_name = 'main'").ToList();
            var name = connection.ExecuteScalar<string>("SELECT current_database()")!;
            connection.Execute($"ATTACH '{fresh.Replace("'", "''")}' AS oversight_fresh");
            try
            {
                connection.Execute($"COPY FROM DATABASE \"{name.Replace("\"", "\"\"")}\" TO oversight_fresh");
                // The copy carries each sequence's position; should a DuckDB version not, advance it past every number
                // already handed out, so no run, file or plan number is issued twice.
                var copied = connection.Query<(string Name, long? Last)>(
                    "SELECT sequence_name, last_value FROM duckdb_sequences() WHERE database_name = 'oversight_fresh'")
                    .ToDictionary(s => s.Name, s => s.Last ?? 0);
                foreach (var (sequence, last) in sequences.Where(s => s.Last is > 0))
                {
                    var behind = last!.Value - copied.GetValueOrDefault(sequence);
                    if (behind > 0)
                        connection.Execute($"SELECT max(nextval('oversight_fresh.main.{sequence}')) FROM range($n)", new { n = behind });
                }
                connection.Execute("CHECKPOINT oversight_fresh");
            }
            finally
            {
                connection.Execute("DETACH oversight_fresh");
            }
        }
        Privacy.OwnerOnly.Tighten(fresh);
        File.Move(fresh, full, overwrite: true);
    }
}
