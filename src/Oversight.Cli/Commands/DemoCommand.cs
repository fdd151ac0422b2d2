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
            throw new Oversight.Warehouse.WarehouseException($"演示数据不能导入默认数据库 {db}（那是本县数据的位置）。" +
                                                          "请不给 --db（演示数据库默认在 ./demo/oversight.duckdb），或给一个单独的路径。");
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

            var summary = Progress.Run("生成演示数据", p =>
            {
                p.Report($"南江县 32 个中心，{parse.GetValue(months)} 个月");
                return DemoCounty.WriteFeeds(inbox, new DemoOptions { Seed = parse.GetValue(seed), TruthPath = truth, Months = parse.GetValue(months) });
            });
            Console.WriteLine($"已生成 {summary.Files.Count} 个数据文件：中心 {summary.Centers}、窗口 {summary.Windows}、人员 {summary.Staff}、" +
                              $"事项 {summary.Items}、办件 {summary.Cases:N0}、投诉 {summary.Complaints:N0}、回访 {summary.Callbacks:N0}、" +
                              $"视频抽查 {summary.VideoChecks:N0}、暗访/明查 {summary.Visits:N0}（另有 {summary.BadRows} 行故意写错的数据）。");

            KeyFile.EnsureExists(db);
            // The demo wrote these files itself a moment ago: nothing is still arriving.
            IngestRun.Run(db, CommonOptions.County(parse, db), new IngestOptions(inbox) { SettleSeconds = 0 }, ct);
            using (var writer = Warehouse.WriterLock.Acquire(db, "oversight demo"))
            using (var connection = Warehouse.Database.OpenAndMigrate(db, CommonOptions.County(parse, db)))
                Console.WriteLine($"整改台账：近 12 个月交办 {Progress.Run("生成整改台账", _ => DemoRectification.Build(connection, parse.GetValue(seed), DateOnly.FromDateTime(DateTime.Now)))} 项。");

            Console.WriteLine();
            Console.WriteLine($"演示数据库：{Path.GetFullPath(db)}（本县的数据请用另外的数据库，默认 ./oversight.duckdb）");
            Console.WriteLine($"查看演示数据时请给出 --db，例如：oversight status --db {Path.GetRelativePath(Directory.GetCurrentDirectory(), db)}");
            Console.WriteLine($"已导入的文件：{Path.Combine(inbox, "archive")}");
            Console.WriteLine($"被搁置的文件：{Path.Combine(inbox, "quarantine")}");
            Console.WriteLine($"预设问题（真实答案，模型不读取）：{summary.TruthPath}");
            return 0;
        })));
        return command;
    }
}
