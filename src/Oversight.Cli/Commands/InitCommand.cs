using System.CommandLine;
using Oversight.Privacy;
using Oversight.Warehouse;

namespace Oversight.Cli.Commands;

public static class InitCommand
{
    public static Command Create()
    {
        var command = new Command("init", "创建或升级数据库，并生成个人信息加密密钥");
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var db = parse.GetValue(CommonOptions.Db)!;
            using var writer = WriterLock.Acquire(db, "oversight init");
            var hadKey = File.Exists(KeyFile.PathFor(db));
            // Checked (or, for a warehouse that has none and holds nothing hashed, created) before any migration runs.
            var keyPath = KeyFile.EnsureExists(db);
            using var connection = Database.OpenAndMigrate(db, out var run);
            var applied = run.Applied.Count;
            KeyFile.Load(db, connection); // records the key's fingerprint, or refuses another warehouse's key
            Console.WriteLine($"数据库：{Path.GetFullPath(db)}（结构版本 {Migrator.CurrentVersion(connection)}，本次执行 {applied} 个迁移）");
            Console.WriteLine($"密钥文件：{keyPath}（{(hadKey ? "已有，经核对与本数据库一致" : "新生成")}；仅所有者可读，请勿放入数据库或共享目录）");
            if (!hadKey)
                Console.WriteLine("请立即把密钥文件备份到安全的地方（如加密U盘，与数据库备份分开保存）：密钥丢失后，新导入的号码将无法与已入库的记录关联。");
            return 0;
        }));
        return command;
    }
}
