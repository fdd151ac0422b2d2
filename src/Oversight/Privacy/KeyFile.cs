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
            throw new WarehouseException(
                $"找不到个人信息加密密钥文件 {path}，而数据库 {Path.GetFullPath(databasePath)} {why}。" +
                "为避免同一号码前后哈希不一致（重复投诉人等关联会悄悄失效），程序不会自动生成新密钥。" +
                "请从备份恢复原密钥文件到上述位置后再试；确需作废旧数据重新开始时，请改用新的数据库路径。");
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
            throw new WarehouseException($"找不到个人信息加密密钥文件 {path}。新建的数据库请先运行 oversight init；" +
                                         "已有数据的数据库请从备份恢复该密钥文件（密钥丢失后已入库的哈希无法再关联）。");
        var text = ReadSmallRegularFile(path, out var problem)?.Trim();
        problem ??= text!.Length == 0 ? "文件是空的"
            : !text.All(char.IsAsciiHexDigit) ? "内容不是十六进制字符（应只含 0-9、A-F）"
            : text.Length != KeyBytes * 2 ? $"长度不对：应为 {KeyBytes} 字节（{KeyBytes * 2} 个十六进制字符），实际为 {text.Length} 个字符"
            : null;
        var key = problem is null ? Convert.FromHexString(text!) : null;
        // 32 random bytes have about 30 distinct values; fewer than half that is a pattern (deadbeef repeated), not a key.
        if (key is not null && key.Distinct().Count() < MinDistinctBytes)
            problem = $"内容不是随机生成的（32 个字节中只有 {key.Distinct().Count()} 种不同的值，像是重复的图案）";
        if (problem is not null)
            throw new WarehouseException($"个人信息加密密钥文件 {path} 无效：{problem}。这样的密钥不能保护身份证号和电话号码，程序拒绝使用。" +
                                         "请从备份恢复原密钥文件；全新的数据库可删除该文件后运行 oversight init 生成新密钥。");
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
        if (KeyFingerprint.Recorded(connection) is not null) return "记录着它所用密钥的指纹";
        if (!Database.HasTable(connection, "fct_case")) return null;
        return connection.ExecuteScalar<bool>(SqlFiles.Read("privacy/holds_hashed_data.sql")) ? "已有用原密钥加密的身份证号或电话号码" : null;
    }

    /// <summary>The key file's text, read only after its metadata shows a regular file, ours, not readable by others
    /// and small: a FIFO would block the read forever and /dev/zero would fill memory. Null with the problem otherwise.</summary>
    private static string? ReadSmallRegularFile(string path, out string? problem)
    {
        problem = null;
        if (Ingest.InboxEntry.Stat(path) is not { } stat) { problem = "文件不存在"; return null; }
        if (stat.Kind != Ingest.EntryKind.Regular)
            problem = $"这不是普通文件而是{stat.Kind switch
            {
                Ingest.EntryKind.Fifo => "命名管道（FIFO）",
                Ingest.EntryKind.Device => "设备文件",
                Ingest.EntryKind.Directory => "文件夹",
                Ingest.EntryKind.Socket => "套接字",
                _ => "特殊文件",
            }}，没有打开";
        else if (!OperatingSystem.IsWindows() && stat.Owner != Ingest.InboxEntry.CurrentUser)
            problem = "文件属于其他用户，应属于运行本程序的用户";
        else if ((stat.Mode & (UnixFileMode)0b000_111_111) != 0 && !TryTighten(path))
            problem = "其他用户可以读取该文件（应为仅所有者可读写，权限 0600），且无法改为仅所有者可读写";
        else if (new FileInfo(path).Length > MaxFileBytes)
            problem = $"文件过大（{new FileInfo(path).Length:N0} 字节），密钥文件只有 64 个十六进制字符";
        if (problem is not null) return null;
        using var stream = File.OpenRead(path);
        var buffer = new byte[MaxFileBytes + 1];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read > MaxFileBytes) { problem = "文件过大，密钥文件只有 64 个十六进制字符"; return null; }
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
