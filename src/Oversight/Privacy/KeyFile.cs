using System.Security.Cryptography;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Privacy;

/// <summary>The per-deployment secret for keyed hashes: 32 random bytes as 64 hex characters in a file beside the
/// database (<c>oversight.duckdb.key</c>), owner-only, never stored in the database. A key that is not exactly that is
/// refused, never used: an empty or short key makes the hashes reversible by enumerating phone numbers. A key is only
/// created for a warehouse that has none and holds nothing hashed, so a lost key is never silently replaced.</summary>
public static class KeyFile
{
    public const int KeyBytes = 32;
    private const int MinDistinctBytes = 16;
    /// <summary>The key and a line break, with room for a CRLF and spaces; a longer file is not a key.</summary>
    private const int MaxFileBytes = 256;

    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".key";

    /// <summary>Creates the key if it does not exist yet and the warehouse may have a new one; returns its path.
    /// An existing key is checked (<see cref="Load(string)"/>), not replaced.</summary>
    public static string EnsureExists(string databasePath)
    {
        var path = PathFor(databasePath);
        if (File.Exists(path))
        {
            Load(databasePath);
            OwnerOnly.Tighten(path);
            return path;
        }
        if (WarehouseNeedsItsOwnKey(databasePath) is { } why)
            throw new WarehouseException(Messages.KeyMissingForOldWarehouse(path, Path.GetFullPath(databasePath), why));
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly.FileMode;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(Convert.ToHexString(key));
        OwnerOnly.Tighten(path);
        return path;
    }

    /// <summary>Reads and checks the key file: exactly 32 bytes written as 64 hex characters.</summary>
    public static byte[] Load(string databasePath)
    {
        var path = PathFor(databasePath);
        if (!File.Exists(path))
            throw new WarehouseException(Messages.KeyMissing(path));
        var text = ReadSmallRegularFile(path, out var problem)?.Trim();
        problem ??= text!.Length == 0 ? Messages.KeyEmpty
            : !text.All(char.IsAsciiHexDigit) ? Messages.KeyNotHex
            : text.Length != KeyBytes * 2 ? Messages.KeyWrongLength(KeyBytes, text.Length)
            : null;
        var key = problem is null ? Convert.FromHexString(text!) : null;
        // 32 random bytes have about 30 distinct values; fewer than half that is a pattern (deadbeef repeated), not a key.
        if (key is not null && key.Distinct().Count() < MinDistinctBytes)
            problem = Messages.KeyNotRandom(key.Distinct().Count());
        if (problem is not null)
            throw new WarehouseException(Messages.KeyInvalid(path, problem));
        return key!;
    }

    /// <summary>Reads the key and checks it is the one the warehouse was built with (recording it on a warehouse
    /// that has no fingerprint yet).</summary>
    public static byte[] Load(string databasePath, DuckDBConnection connection)
    {
        var key = Load(databasePath);
        KeyFingerprint.Check(connection, key, PathFor(databasePath));
        return key;
    }

    /// <summary>Why the warehouse at this path must keep its old key, or null when it may get a new one.</summary>
    private static string? WarehouseNeedsItsOwnKey(string databasePath)
    {
        if (!File.Exists(Path.GetFullPath(databasePath))) return null;
        using var connection = Database.Open(databasePath, readOnly: true);
        if (KeyFingerprint.Recorded(connection) is not null) return Messages.KeyFingerprintRecorded;
        if (!Database.HasTable(connection, "fct_case")) return null;
        return connection.ExecuteScalar<bool>(SqlFiles.Read("privacy/holds_hashed_data.sql")) ? Messages.HoldsHashedData : null;
    }

    /// <summary>The key file's text, read only after its metadata shows a regular file, ours, not readable by others
    /// and small: a FIFO would block the read forever and /dev/zero would fill memory. Null with the problem otherwise.</summary>
    private static string? ReadSmallRegularFile(string path, out string? problem)
    {
        problem = null;
        if (Ingest.InboxEntry.Stat(path) is not { } stat) { problem = Messages.KeyFileMissing; return null; }
        if (stat.Kind != Ingest.EntryKind.Regular)
            problem = Messages.KeyNotRegular(stat.Kind switch
            {
                Ingest.EntryKind.Fifo => Messages.Fifo,
                Ingest.EntryKind.Device => Messages.DeviceFile,
                Ingest.EntryKind.Directory => Messages.Folder,
                Ingest.EntryKind.Socket => Messages.Socket,
                _ => Messages.SpecialFile,
            });
        else if (!OperatingSystem.IsWindows() && stat.Owner != Ingest.InboxEntry.CurrentUser)
            problem = Messages.KeyOtherOwner;
        else if ((stat.Mode & (UnixFileMode)0b000_111_111) != 0 && !TryTighten(path))
            problem = Messages.KeyReadableByOthers;
        else if (new FileInfo(path).Length > MaxFileBytes)
            problem = Messages.KeyTooLarge(new FileInfo(path).Length);
        if (problem is not null) return null;
        using var stream = File.OpenRead(path);
        var buffer = new byte[MaxFileBytes + 1];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read > MaxFileBytes) { problem = Messages.KeyTooLargeUnknownSize; return null; }
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
    }

    /// <summary>A key readable by others (an older version's 0644) is made owner-only, as init does.</summary>
    private static bool TryTighten(string path)
    {
        try
        {
            OwnerOnly.Tighten(path);
            return !OwnerOnly.OthersMayAccess(path);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}
