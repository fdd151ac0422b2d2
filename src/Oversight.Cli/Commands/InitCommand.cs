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
            using var warehouse = Database.OpenAndMigrate(db, out var run, CommonOptions.County(parse));
            var connection = warehouse.Connection;
            var applied = run.Applied.Count;
            KeyFile.Load(db, connection); // records the key's fingerprint, or refuses another warehouse's key
            Console.WriteLine(Messages.DatabaseInitialised(Path.GetFullPath(db), Migrator.CurrentVersion(connection), applied));
            Console.WriteLine(Messages.KeyFile(keyPath, hadKey));
            if (!hadKey)
                Console.WriteLine(Messages.BackUpKey);
            return 0;
        }));
        return command;
    }
}
