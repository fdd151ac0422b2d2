using System.CommandLine;
using Oversight.Assessment;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Warehouse;

namespace Oversight.Cli.Commands;

/// <summary>oversight report annual: the annual assessment of township heads.</summary>
public static class AnnualReportCommand
{
    public static Command Create()
    {
        var year = new Option<int?>("--year") { Description = "考核年度（默认去年）" };
        var rules = new Option<string?>("--rules") { Description = "计分规则文件（默认模板目录中的 annual/rules.json）" };
        var command = new Command("annual", "生成乡镇长年度考核（含逐条计分附录与复核情况）") { year, rules };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var y = parse.GetValue(year) ?? DateTime.Now.Year - 1;
            var templates = new TemplateFolder(parse.GetValue(ReportCommand.TemplatesOption));
            var scoring = ScoringRules.Load(parse.GetValue(rules) ?? templates.PathOf(Path.Combine("annual", "rules.json")));
            using var writer = WriterLock.Acquire(parse.GetValue(CommonOptions.Db)!, "oversight report annual");
            using var connection = Database.OpenAndMigrate(parse.GetValue(CommonOptions.Db)!);
            var (report, scores) = Progress.Run("生成年度考核", p =>
            {
                p.Report("逐条计分");
                return AnnualAssessmentBuilder.Build(connection, y, scoring, ReportSettings.Load(templates), DateTime.Now);
            });
            var files = ReportWriter.Write(templates, "annual/assessment", report, parse.GetValue(ReportCommand.OutOption)!,
                $"年度考核_{y}", pdf: !parse.GetValue(ReportCommand.NoPdfOption));
            Console.WriteLine($"{report.Coverage}：{scores.Count} 个中心，" +
                              string.Join("，", scores.GroupBy(s => s.Band).Select(g => $"{g.Key} {g.Count()} 个")));
            ReportCommand.Print(files);
            return 0;
        }));
        return command;
    }
}
