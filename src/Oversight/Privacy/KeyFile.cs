using System.Security.Cryptography;

namespace Oversight.Privacy;

/// <summary>The per-deployment secret for keyed hashes: a file beside the database
/// (<c>oversight.duckdb.key</c>), owner-only, never stored in the database.</summary>
public static class KeyFile
{
    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".key";

    /// <summary>Creates the key if it does not exist yet; returns its path.</summary>
    public static string EnsureExists(string databasePath)
    {
        var path = PathFor(databasePath);
        if (File.Exists(path)) return path;
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(Convert.ToHexString(key));
        return path;
    }

    public static byte[] Load(string databasePath)
    {
        var path = PathFor(databasePath);
        if (!File.Exists(path))
            throw new Warehouse.WarehouseException($"找不到个人信息加密密钥文件 {path}。请先运行 oversight init（密钥丢失后已入库的哈希无法再关联）。");
        return Convert.FromHexString(File.ReadAllText(path).Trim());
    }
}
