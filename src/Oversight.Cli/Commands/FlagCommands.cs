using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Oversight.Analytics;
using Oversight.Calendar;
using Oversight.Warehouse;
using Spectre.Console;

namespace Oversight.Cli.Commands;

/// <summary>oversight train / flags / backtest: the overdue-prone-window and empty-center models.</summary>
public static class FlagCommands
{
    private static FlagSettings Settings(ParseResult parse) => new();

    public static Command Train()
    {
        var asOf = new Option<string>("--as-of") { Description = "只用该日期所在月份之前的数据训练，格式 YYYY-MM-DD", Required = true };
        var command = new Command("train", "训练超期窗口模型和“形同虚设”中心模型，保存模型并记录训练区间和指标") { asOf };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var date = Days.Parse(parse.GetValue(asOf));
            var db = parse.GetValue(CommonOptions.Db)!;
            using var writer = WriterLock.Acquire(db, "oversight train");
            using var warehouse = CommonOptions.OpenAndMigrate(parse);
            var connection = warehouse.Connection;
            var models = Progress.Run(Messages.Training, p => { p.Report(Messages.TrainingBoth); return Flagging.Train(connection, db, date, Settings(parse)); });
            foreach (var m in models)
                Console.WriteLine(Messages.ModelTrained(m.Kind == Flag.WindowKind, m.ModelId, m.Rows, m.Positives, m.AsOf, m.Path));
            return 0;
        }));
        return command;
    }

    public static Command Flags()
    {
        var month = new Option<string>("--month") { Description = "评分月份 YYYY-MM", Required = true };
        var format = new Option<string>("--format") { Description = "输出格式：table 或 json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var top = new Option<int>("--top") { Description = "表格中每类显示前几名", DefaultValueFactory = _ => 10 };
        var command = new Command("flags", "对某月评分：列出证据充分的易超期窗口和“形同虚设”中心，附理由和排序依据") { month, format, top };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var m = Month.Parse(parse.GetValue(month));
            var db = parse.GetValue(CommonOptions.Db)!;
            using var writer = WriterLock.Acquire(db, "oversight flags");
            using var warehouse = CommonOptions.OpenAndMigrate(parse);
            var connection = warehouse.Connection;
            var scoring = Flagging.ScoreMonth(connection, db, m, Settings(parse));
            var shown = scoring.Flags.Where(f => f.Listed).ToList();
            var n = parse.GetValue(top);
            if (n < 1) throw new WarehouseException(Messages.TopAtLeastOne);
            if (parse.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(shown, new JsonSerializerOptions
                {
                    WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                }));
                return 0;
            }
            Console.WriteLine(Messages.OverdueProneLabel(EvidenceSettings.Load(connection).LabelText));
            Console.WriteLine(scoring.Choice.Text);
            foreach (var (kind, title, rest) in new[]
                     {
                         (Flag.WindowKind, Messages.WindowFlagsTitle, Messages.WindowFlagsRest),
                         (Flag.CenterKind, Messages.CenterFlagsTitle, Messages.CenterFlagsRest),
                     })
            {
                var listed = shown.Where(f => f.Kind == kind).Take(n).ToList();
                Console.WriteLine(Messages.FlagsHeading(m, title, shown.Count(f => f.Kind == kind), listed.Count));
                if (listed.Count > 0)
                {
                    // At most 100 columns wide: the reasons wrap inside their cell rather than widening the table.
                    var table = new Table().Width(Math.Min(100, Math.Max(60, AnsiConsole.Profile.Width)));
                    table.AddColumns(Messages.FlagColumns);
                    foreach (var f in listed)
                        table.AddRow(f.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(f.Code), Markup.Escape(f.Name),
                            f.Score.ToString("0.000", CultureInfo.InvariantCulture), Markup.Escape(string.Join("；", f.Reasons)));
                    AnsiConsole.Write(table);
                }
                if (listed.Count < n) Console.WriteLine(rest);
            }
            return 0;
        }));
        return command;
    }

    public static Command Backtest()
    {
        var from = new Option<string>("--from") { Description = "起始月份 YYYY-MM", Required = true };
        var to = new Option<string>("--to") { Description = "结束月份 YYYY-MM", Required = true };
        var command = new Command("backtest", "逐月滚动回测：每月只用此前数据训练，再与当月实际情况比较，并与简单规则对照；选出下月的排序依据") { from, to };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var (fromMonth, toMonth) = (Month.Parse(parse.GetValue(from)), Month.Parse(parse.GetValue(to)));
            using var writer = WriterLock.Acquire(parse.GetValue(CommonOptions.Db)!, "oversight backtest");
            using var warehouse = CommonOptions.OpenAndMigrate(parse);
            var connection = warehouse.Connection;
            var report = Progress.Run(Messages.Backtesting, p => Analytics.Backtest.Run(connection, fromMonth, toMonth, Settings(parse), p));
            var runId = Analytics.Backtest.Store(connection, report.Windows.Months.Concat(report.Centers.Pooled).ToList());
            RankingChoice.Store(connection, toMonth.Next.FirstDay, report.Choice);
            BacktestPrinter.Print(report, runId, fromMonth, toMonth, EvidenceSettings.Load(connection));
            return 0;
        }));
        return command;
    }

    private static string P(double? v) => v is { } x ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

}
