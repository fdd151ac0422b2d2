using System.CommandLine;
using Oversight.Ingest;
using Oversight.Privacy;
using Oversight.Warehouse;

namespace Oversight.Cli.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var inbox = new Option<string>("--inbox") { Description = "收件目录（各数据表的 CSV/XLSX 文件）", Required = true };
        var threshold = new Option<double>("--reject-threshold")
        {
            Description = "被拒绝行占比超过该值时整个文件搁置", DefaultValueFactory = _ => 0.05,
        };
        var command = new Command("ingest", "导入收件目录中的数据文件") { inbox, threshold };
        command.SetAction((parse, ct) => Task.FromResult(CliRunner.Run(() =>
        {
            var db = parse.GetValue(CommonOptions.Db)!;
            using var connection = Database.OpenAndMigrate(db);
            var ingestor = new Ingestor(connection, KeyFile.Load(db));
            var options = new IngestOptions(parse.GetValue(inbox)!) { RejectThreshold = parse.GetValue(threshold) };
            var report = Progress.Run("导入", p => ingestor.Run(options, p, ct));
            IngestSummary.Print(report);
            return report.Files.Any(f => f.Outcome == Outcomes.SetAside) ? 3 : 0;
        })));
        return command;
    }
}
