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
            var keyPath = KeyFile.EnsureExists(db);
            using var writer = WriterLock.Acquire(db, "oversight init");
            using var connection = Database.Open(db);
            var applied = Migrator.Migrate(connection);
            Console.WriteLine($"数据库：{Path.GetFullPath(db)}（结构版本 {Migrator.CurrentVersion(connection)}，本次执行 {applied} 个迁移）");
            Console.WriteLine($"密钥文件：{keyPath}（仅所有者可读，请勿放入数据库或共享目录）");
            return 0;
        }));
        return command;
    }
}
