using System.CommandLine;
using Oversight.Demo;
using Oversight.Ingest;
using Oversight.Privacy;

namespace Oversight.Cli.Commands;

/// <summary>oversight demo: the demo county in a warehouse of its own, so the demo and a county's own data never mix.</summary>
public static class DemoCommand
{
    /// <summary>The demo's warehouse: --db when given (never the default warehouse), else oversight.duckdb in the demo folder.</summary>
    private static string DemoDatabase(System.CommandLine.ParseResult parse, string root)
    {
        var given = parse.GetResult(CommonOptions.Db);
        if (given is null || given.Implicit) return Path.Combine(root, "oversight.duckdb");
        var db = Path.GetFullPath(parse.GetValue(CommonOptions.Db)!);
        if (db == Path.GetFullPath(Oversight.Warehouse.Database.DefaultPath))
            throw new Oversight.Warehouse.WarehouseException(Messages.DemoIntoDefaultDatabase(db));
        return db;
    }

    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "随机种子（相同种子生成完全相同的数据）", DefaultValueFactory = _ => 511922 };
        var outDir = new Option<string>("--out") { Description = "演示文件输出目录", DefaultValueFactory = _ => "./demo" };
        var months = new Option<int>("--months") { Description = "演示数据覆盖的月数（到上个月为止）", DefaultValueFactory = _ => new DemoOptions { TruthPath = "" }.Months };
        var command = new Command("demo", "生成南江县演示数据（32个乡镇便民服务中心、默认36个月），导入演示目录自己的数据库（默认 ./demo/oversight.duckdb），不碰本县的数据库") { seed, outDir, months };
        command.SetAction((parse, ct) => Task.FromResult(CliRunner.Run(() =>
        {
            var root = Path.GetFullPath(parse.GetValue(outDir)!);
            var db = DemoDatabase(parse, root);
            var inbox = Path.Combine(root, "inbox");
            if (Directory.Exists(inbox)) Directory.Delete(inbox, recursive: true);
            var truth = Path.Combine(root, "truth", "planted.json");

            var summary = Progress.Run(Messages.DemoGenerating, p =>
            {
                p.Report(Messages.DemoScope(parse.GetValue(months)));
                return DemoCounty.WriteFeeds(inbox, new DemoOptions { Seed = parse.GetValue(seed), TruthPath = truth, Months = parse.GetValue(months) });
            });
            Console.WriteLine(Messages.DemoGenerated(summary));

            KeyFile.EnsureExists(db);
            // The demo wrote these files itself a moment ago: nothing is still arriving.
            IngestRun.Run(db, CommonOptions.County(parse, db), new IngestOptions(inbox) { SettleSeconds = 0 }, ct);
            using (var writer = Warehouse.WriterLock.Acquire(db, "oversight demo"))
            using (var warehouse = Warehouse.Database.OpenAndMigrate(db, CommonOptions.County(parse, db)))
                Console.WriteLine(Messages.DemoLedger(Progress.Run(Messages.DemoBuildingLedger, _ => DemoRectification.Build(warehouse.Connection, parse.GetValue(seed), DateOnly.FromDateTime(DateTime.Now)))));

            Console.WriteLine();
            Console.WriteLine(Messages.DemoDatabase(Path.GetFullPath(db)));
            Console.WriteLine(Messages.DemoHowToLook(Path.GetRelativePath(Directory.GetCurrentDirectory(), db)));
            Console.WriteLine(Messages.DemoArchive(Path.Combine(inbox, "archive")));
            Console.WriteLine(Messages.DemoQuarantine(Path.Combine(inbox, "quarantine")));
            Console.WriteLine(Messages.DemoTruth(summary.TruthPath));
            return 0;
        })));
        return command;
    }
}
