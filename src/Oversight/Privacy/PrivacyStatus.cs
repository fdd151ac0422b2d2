using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Privacy;

/// <summary>What <c>status</c> says about the protection of personal data: files another local account could read,
/// and whether the key file is the warehouse's own.</summary>
public static class PrivacyStatus
{
    public static IReadOnlyList<string> Lines(string databasePath, DuckDBConnection connection)
    {
        var db = Path.GetFullPath(databasePath);
        var lines = new List<string>();
        foreach (var (path, label, isFolder) in new[]
                 {
                     (db, Messages.DatabaseFile, false), (db + ".wal", Messages.DatabaseWal, false),
                     (KeyFile.PathFor(db), Messages.KeyFileLabel, false), (db + ".models", Messages.ModelFolder, true),
                 })
        {
            if (!OwnerOnly.OthersMayAccess(path)) continue;
            lines.Add(Messages.OthersMayRead(label, path, OwnerOnly.Octal(path), isFolder));
        }
        lines.Add(KeyLine(databasePath, connection));
        return lines;
    }

    private static string KeyLine(string databasePath, DuckDBConnection connection)
    {
        var path = KeyFile.PathFor(databasePath);
        if (!File.Exists(path)) return Messages.StatusKeyMissing(path);
        byte[] key;
        try
        {
            key = KeyFile.Load(databasePath);
        }
        catch (UnauthorizedAccessException)
        {
            return Messages.StatusKeyUnreadable(path);
        }
        catch (WarehouseException ex)
        {
            return Messages.Warning(ex.Message);
        }
        var recorded = KeyFingerprint.Recorded(connection);
        if (recorded is null) return Messages.StatusKeyNotRecorded(path);
        return recorded == KeyFingerprint.Of(key)
            ? Messages.StatusKeyMatches(path)
            : Messages.StatusWrongKey(path);
    }
}
