using System.CommandLine;
using Oversight.Calendar;
using Oversight.Reports;
using Oversight.Reports.Issuing;
using Oversight.Reports.Monthly;
using Oversight.Warehouse;

namespace Oversight.Cli.Commands;

/// <summary>oversight report monthly|annual: renders a briefing to HTML, Markdown and (with Chromium) PDF.</summary>
public static class ReportCommand
{
    private static readonly Option<string> Out = new("--out") { Description = "输出目录", DefaultValueFactory = _ => "./reports", Recursive = true };
    private static readonly Option<string?> Templates = new("--templates") { Description = "模板目录（默认使用程序自带的 report-templates；本县设置文件夹中的同名文件优先）", Recursive = true };
    private static readonly Option<bool> NoPdf = new("--no-pdf") { Description = "不生成 PDF", Recursive = true };
    private static readonly Option<bool> Issue = new("--issue")
    {
        Description = "正式印发：取文号、定成文日期（考核则保存得分、开始公示期；暗访工作提示则编份号并把计划记入受限目录）；不加时只生成征求意见稿（文件名含“草稿”），不占用任何编号", Recursive = true,
    };
    private static readonly Option<bool> ConfirmClock = new("--confirm-clock")
    {
        Description = "服务器时间早于数据库中最新的记录或上次运行时，确认当前时间无误，仍然印发", Recursive = true,
    };

    public static Command Create()
    {
        var command = new Command("report", "生成报告：monthly 月度通报，annual 年度考核，inspection 暗访工作提示") { Out, Templates, NoPdf, Issue, ConfirmClock };
        command.Subcommands.Add(Monthly());
        command.Subcommands.Add(AnnualReportCommand.Create());
        command.Subcommands.Add(StaffReportCommand.Create());
        command.Subcommands.Add(InspectionReportCommand.Create());

        return command;
    }

    private static Command Monthly()
    {
        var month = new Option<string>("--month") { Description = "通报月份，格式 YYYY-MM（默认上个月）" };
        var number = new Option<string?>("--doc-number") { Description = "文号，如 南政务监〔2026〕11号（与 --issue 同用；默认按设置中的格式接着本年已用的最大序号编号，同一月份重新印发时沿用；已被其他通报使用的文号不予接受）" };
        var date = new Option<string?>("--date") { Description = "成文日期，格式 YYYY-MM-DD（与 --issue 同用；默认首次印发当天，重新印发时沿用）" };
        var bodies = new Option<string?>("--issuing-bodies") { Description = "发文机关（落款），多个用“、”分隔（默认见 settings.json）" };
        var mainTo = new Option<string?>("--main-to") { Description = "主送（默认：各乡镇人民政府、街道办事处）" };
        var copyTo = new Option<string?>("--copy-to") { Description = "抄送（默认：县委办、县政府办、县纪委监委）" };
        var county = new Option<string?>("--county-name") { Description = "县（区）名称（默认按县区编码查国家标准区划表）" };
        var perCenter = new Option<bool>("--per-center") { Description = "另为每个乡镇（街道）写一份分送件：本中心与全县对照的指标、点名的问题、超期和长期未办结办件、属实投诉" };
        var command = new Command("monthly", "生成月度通报（HTML、Markdown、PDF 和附件明细 XLSX）") { month, number, date, bodies, mainTo, copyTo, county, perCenter };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var m = ParseMonth(parse.GetValue(month));
            var templates = CommonOptions.County(parse).Templates(parse.GetValue(Templates));
            var settings = ReportSettings.Load(templates);
            if (parse.GetValue(county) is { Length: > 0 } c) settings = settings with { County = c.Trim() };
            var form = settings.Monthly;
            if (parse.GetValue(bodies) is { Length: > 0 } b)
                form = form with { IssuingBodies = b.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
            if (parse.GetValue(mainTo) is { Length: > 0 } to) form = form with { MainTo = to.Trim() };
            if (parse.GetValue(copyTo) is { Length: > 0 } cc) form = form with { CopyTo = cc.Trim() };
            settings = settings with { Monthly = form };
            var request = new IssueRequest(parse.GetValue(number) is { Length: > 0 } n ? n.Trim() : null, Days.ParseOptional(parse.GetValue(date)),
                parse.GetValue(ConfirmClock));
            var issuing = parse.GetValue(Issue);
            RequireIssueFor(issuing, request);

            using var writer = WriterLock.Acquire(parse.GetValue(CommonOptions.Db)!, "oversight report monthly");
            using var warehouse = CommonOptions.OpenAndMigrate(parse);
            var now = DateTime.Now;
            var (model, files) = Progress.Run(issuing ? Messages.MonthlyProgress : Messages.MonthlyDraftProgress, p =>
            {
                p.Report(Messages.SummingUp);
                return Jobs.CountyJobs.MonthlyBriefing(warehouse, templates, settings, m, issuing ? request : null, parse.GetValue(Out)!, !parse.GetValue(NoPdf), now);
            });
            if (issuing) Console.WriteLine(Messages.MonthlyIssued(model.Form.DocumentNumber, model.Form.IssuedOn));
            else DraftNote(warehouse.Connection, now, Messages.MonthlyNotTaken);
            Print(files.Report);
            Console.WriteLine(Messages.AnnexWorkbook(files.Xlsx));
            if (parse.GetValue(perCenter))
            {
                var packDir = Path.Combine(parse.GetValue(Out)!, MonthlyReport.PackFolder(m, model.Form.IsDraft));
                var packs = CenterPacks.Write(templates, model with { WorkbookFile = Path.GetFileName(files.Xlsx) }, packDir, m);
                Console.WriteLine(Messages.TownshipPacks(packs.Count(f => f.EndsWith(".html", StringComparison.Ordinal)), packDir));
            }
            return 0;
        }));
        return command;
    }

    /// <summary>--doc-number and --date fix what an issue takes; on a draft they would silently do nothing.</summary>
    private static void RequireIssueFor(bool issuing, IssueRequest request)
    {
        if (!issuing && (request.DocumentNumber is not null || request.IssuedOn is not null))
            throw new WarehouseException(Messages.IssueOptionsNeedIssue);
    }

    /// <summary>Tells the user a draft took nothing, and warns now (not only at issue) of a clock set back.</summary>
    internal static void DraftNote(DuckDB.NET.Data.DuckDBConnection connection, DateTime now, string what)
    {
        Console.WriteLine(Messages.DraftWritten(what));
        if (IssueClock.Problem(connection, now) is { } problem)
            Console.WriteLine(Messages.ClockWarning(problem));
    }

    internal static Option<bool> IssueOption => Issue;
    internal static Option<bool> ConfirmClockOption => ConfirmClock;

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

    /// <summary>The month typed, or last month when none is.</summary>
    internal static Month ParseMonth(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Month.Of(DateTime.Now).Previous : Month.Parse(text);
}
