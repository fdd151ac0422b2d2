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
        var number = new Option<string?>("--doc-number") { Description = "文号，如 南政务监〔2026〕11号（默认按设置中的格式和本年序号自动编号，同一月份重新生成时沿用）" };
        var date = new Option<string?>("--date") { Description = "成文日期，格式 YYYY-MM-DD（默认首次生成当天，重新生成时沿用）" };
        var bodies = new Option<string?>("--issuing-bodies") { Description = "发文机关（落款），多个用“、”分隔（默认见 settings.json）" };
        var mainTo = new Option<string?>("--main-to") { Description = "主送（默认：各乡镇人民政府、街道办事处）" };
        var copyTo = new Option<string?>("--copy-to") { Description = "抄送（默认：县委办、县政府办、县纪委监委）" };
        var county = new Option<string?>("--county-name") { Description = "县（区）名称（默认按县区编码查国家标准区划表）" };
        var command = new Command("monthly", "生成月度通报（HTML、Markdown、PDF 和附件明细 XLSX）") { month, number, date, bodies, mainTo, copyTo, county };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var m = ParseMonth(parse.GetValue(month));
            var templates = new TemplateFolder(parse.GetValue(Templates));
            var settings = ReportSettings.Load(templates);
            if (parse.GetValue(county) is { Length: > 0 } c) settings = settings with { County = c.Trim() };
            var form = settings.Monthly;
            if (parse.GetValue(bodies) is { Length: > 0 } b)
                form = form with { IssuingBodies = b.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
            if (parse.GetValue(mainTo) is { Length: > 0 } to) form = form with { MainTo = to.Trim() };
            if (parse.GetValue(copyTo) is { Length: > 0 } cc) form = form with { CopyTo = cc.Trim() };
            settings = settings with { Monthly = form };
            var issue = new BriefingIssue(parse.GetValue(number) is { Length: > 0 } n ? n.Trim() : null, ParseDate(parse.GetValue(date)));

            using var writer = WriterLock.Acquire(parse.GetValue(CommonOptions.Db)!, "oversight report monthly");
            using var connection = Database.OpenAndMigrate(parse.GetValue(CommonOptions.Db)!);
            var model = Progress.Run("生成月度通报", p =>
            {
                p.Report("汇总指标");
                return MonthlyBriefingBuilder.Build(connection, m, settings, DateTime.Now, issue);
            });
            var files = MonthlyReport.Write(templates, model, parse.GetValue(Out)!, MonthlyReport.FileBase(m), pdf: !parse.GetValue(NoPdf));
            Console.WriteLine($"文号：{model.Form.DocumentNumber}，成文日期：{model.Form.IssuedOn}");
            Print(files.Report);
            Console.WriteLine($"附件明细（XLSX）：{files.Xlsx}");
            return 0;
        }));
        return command;
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new WarehouseException($"成文日期“{text}”格式不对，应为 YYYY-MM-DD，例如 2026-11-05。");
    }

    internal static void Print(ReportFiles files)
    {
        Console.WriteLine($"HTML：{files.Html}");
        Console.WriteLine($"Markdown：{files.Markdown}");
        Console.WriteLine(files.Pdf is null ? $"PDF：{files.PdfNote}" : $"PDF：{files.Pdf}");
        if (files.Docx is not null) Console.WriteLine($"Word：{files.Docx}");
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
