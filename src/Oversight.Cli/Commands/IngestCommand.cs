using System.CommandLine;
using Oversight.Configuration;
using Oversight.Ingest;

namespace Oversight.Cli.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var inbox = new Option<string>("--inbox") { Description = "收件目录（各数据表的 CSV/XLSX 文件）", Required = true };
        var threshold = new Option<double>("--reject-threshold")
        {
            Description = "被拒绝行占比超过该值时整个文件搁置", DefaultValueFactory = _ => Defaults.RejectThreshold,
        };
        var minRows = new Option<int>("--reject-min-rows")
        {
            Description = "文件至少有这么多行时才按被拒绝行占比整体搁置（行数少的文件只拒绝出错的行）", DefaultValueFactory = _ => Defaults.RejectThresholdMinRows,
        };
        var settle = new Option<double>("--settle-seconds")
        {
            Description = "文件大小和修改时间须保持不变的秒数，未稳定的文件（仍在复制中）留待下次导入", DefaultValueFactory = _ => Defaults.SettleSeconds,
        };
        var profiles = new Option<string[]>("--profile")
        {
            Description = "表头映射文件（JSON，可多次给出）：把本县平台的表头和代码映射到接口规范；随程序附带的映射和本县设置文件夹 profiles 中的映射总是生效",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("ingest", "导入收件目录中的数据文件") { inbox, threshold, minRows, settle, profiles };
        command.SetAction((parse, ct) => Task.FromResult(CliRunner.Run(() =>
        {
            var db = parse.GetValue(CommonOptions.Db)!;
            var county = CommonOptions.County(parse);
            var options = new IngestOptions(parse.GetValue(inbox)!)
            {
                RejectThreshold = parse.GetValue(threshold), RejectThresholdMinRows = parse.GetValue(minRows), SettleSeconds = parse.GetValue(settle),
                Profiles = [.. county.HeaderProfiles(), .. (parse.GetValue(profiles) ?? []).Select(HeaderProfile.Load)],
            };
            var report = IngestRun.Run(db, county, options, ct);
            return report.Files.Any(f => f.Outcome == Outcomes.SetAside) ? 3 : 0;
        })));
        return command;
    }
}
