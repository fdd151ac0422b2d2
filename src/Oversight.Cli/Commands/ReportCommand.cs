using System.CommandLine;
using System.Globalization;
using Oversight.Reports;
using Oversight.Reports.Monthly;
using Oversight.Warehouse;

namespace Oversight.Cli.Commands;

/// <summary>oversight report monthly|annual: renders a briefing to HTML, Markdown and (with Chromium) PDF.</summary>
public static class ReportCommand
{
    private static readonly Option<string> Out = new("--out") { Description = "输出目录", DefaultValueFactory = _ => "./reports", Recursive = true };
    private static readonly Option<string?> Templates = new("--templates") { Description = "模板目录（默认使用程序自带的 report-templates）", Recursive = true };
    private static readonly Option<bool> NoPdf = new("--no-pdf") { Description = "不生成 PDF", Recursive = true };

    public static Command Create()
    {
        var command = new Command("report", "生成报告：monthly 月度通报，annual 年度考核，inspection 暗访工作提示") { Out, Templates, NoPdf };
        command.Subcommands.Add(Monthly());
        command.Subcommands.Add(AnnualReportCommand.Create());
        command.Subcommands.Add(StaffReportCommand.Create());
        command.Subcommands.Add(InspectionReportCommand.Create());

        return command;
    }

    private static Command Monthly()
    {
        var month = new Option<string>("--month") { Description = "通报月份，格式 YYYY-MM（默认上个月）" };
        var command = new Command("monthly", "生成月度通报（HTML、Markdown、PDF）") { month };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var m = ParseMonth(parse.GetValue(month));
            var templates = new TemplateFolder(parse.GetValue(Templates));
            using var writer = WriterLock.Acquire(parse.GetValue(CommonOptions.Db)!, "oversight report monthly");
            using var connection = Database.OpenAndMigrate(parse.GetValue(CommonOptions.Db)!);
            var model = Progress.Run("生成月度通报", p =>
            {
                p.Report("汇总指标");
                return MonthlyBriefingBuilder.Build(connection, m, ReportSettings.Load(templates), DateTime.Now);
            });
            var files = ReportWriter.Write(templates, "monthly/briefing", model, parse.GetValue(Out)!,
                $"月度通报_{m:yyyy-MM}", pdf: !parse.GetValue(NoPdf));
            Print(files);
            return 0;
        }));
        return command;
    }

    internal static void Print(ReportFiles files)
    {
        Console.WriteLine($"HTML：{files.Html}");
        Console.WriteLine($"Markdown：{files.Markdown}");
        Console.WriteLine(files.Pdf is null ? $"PDF：{files.PdfNote}" : $"PDF：{files.Pdf}");
    }

    internal static Option<string> OutOption => Out;
    internal static Option<string?> TemplatesOption => Templates;
    internal static Option<bool> NoPdfOption => NoPdf;

    internal static DateOnly ParseMonth(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        }
        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new WarehouseException($"月份“{text}”格式不对，应为 YYYY-MM，例如 2026-10。");
    }
}
