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
                     (db, "数据库文件", false), (db + ".wal", "数据库日志文件（WAL）", false),
                     (KeyFile.PathFor(db), "密钥文件", false), (db + ".models", "模型目录", true),
                 })
        {
            if (!OwnerOnly.OthersMayAccess(path)) continue;
            lines.Add($"警告：{label} {path} 的权限为 {OwnerOnly.Octal(path)}，本机其他账户可以读取（其中有投诉内容、号码哈希等个人信息）。" +
                      $"请运行 chmod {(isFolder ? "700" : "600")} {path}。");
        }
        lines.Add(KeyLine(databasePath, connection));
        return lines;
    }

    private static string KeyLine(string databasePath, DuckDBConnection connection)
    {
        var path = KeyFile.PathFor(databasePath);
        if (!File.Exists(path)) return $"警告：找不到密钥文件 {path}。导入会被拒绝；请从备份恢复该文件（新数据库运行 oversight init）。";
        byte[] key;
        try
        {
            key = KeyFile.Load(databasePath);
        }
        catch (UnauthorizedAccessException)
        {
            return $"密钥文件：{path}（当前账户无权读取，未核对）";
        }
        catch (WarehouseException ex)
        {
            return "警告：" + ex.Message;
        }
        var recorded = KeyFingerprint.Recorded(connection);
        if (recorded is null) return $"密钥文件：{path}（数据库尚未记录密钥指纹，下次导入或 init 时记录）";
        return recorded == KeyFingerprint.Of(key)
            ? $"密钥文件：{path}（与数据库记录的密钥指纹一致）"
            : $"警告：密钥文件 {path} 不是本数据库所用的密钥（指纹不符），导入会被拒绝。请从备份恢复本数据库原来的密钥文件。";
    }
}
