using System.CommandLine;
using Oversight.Demo;
using Oversight.Ingest;
using Oversight.Privacy;

namespace Oversight.Cli.Commands;

public static class DemoCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "随机种子（相同种子生成完全相同的数据）", DefaultValueFactory = _ => 511922 };
        var outDir = new Option<string>("--out") { Description = "演示文件输出目录", DefaultValueFactory = _ => "./demo" };
        var command = new Command("demo", "生成南江县演示数据（32个乡镇便民服务中心、36个月），并按真实数据同样的方式导入") { seed, outDir };
        command.SetAction((parse, ct) => Task.FromResult(CliRunner.Run(() =>
        {
            var db = parse.GetValue(CommonOptions.Db)!;
            var root = Path.GetFullPath(parse.GetValue(outDir)!);
            var inbox = Path.Combine(root, "inbox");
            if (Directory.Exists(inbox)) Directory.Delete(inbox, recursive: true);
            var truth = Path.Combine(root, "truth", "planted.json");

            var summary = Progress.Run("生成演示数据", p =>
            {
                p.Report("南江县 32 个中心，36 个月");
                return DemoCounty.WriteFeeds(inbox, new DemoOptions { Seed = parse.GetValue(seed), TruthPath = truth });
            });
            Console.WriteLine($"已生成 {summary.Files.Count} 个数据文件：中心 {summary.Centers}、窗口 {summary.Windows}、人员 {summary.Staff}、" +
                              $"事项 {summary.Items}、办件 {summary.Cases:N0}、投诉 {summary.Complaints:N0}、回访 {summary.Callbacks:N0}、" +
                              $"视频抽查 {summary.VideoChecks:N0}、暗访/明查 {summary.Visits:N0}（另有 {summary.BadRows} 行故意写错的数据）。");

            KeyFile.EnsureExists(db);
            // The demo wrote these files itself a moment ago: nothing is still arriving.
            IngestRun.Run(db, new IngestOptions(inbox) { SettleSeconds = 0 }, ct);
            using (var writer = Warehouse.WriterLock.Acquire(db, "oversight demo"))
            using (var connection = Warehouse.Database.OpenAndMigrate(db))
                Console.WriteLine($"整改台账：近 12 个月交办 {Progress.Run("生成整改台账", _ => DemoRectification.Build(connection, parse.GetValue(seed), DateOnly.FromDateTime(DateTime.Now)))} 项。");

            Console.WriteLine();
            Console.WriteLine($"数据库：{Path.GetFullPath(db)}");
            Console.WriteLine($"已导入的文件：{Path.Combine(inbox, "archive")}");
            Console.WriteLine($"被搁置的文件：{Path.Combine(inbox, "quarantine")}");
            Console.WriteLine($"预设问题（真实答案，模型不读取）：{summary.TruthPath}");
            return 0;
        })));
        return command;
    }
}
