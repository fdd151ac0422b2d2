using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Oversight.Analytics;
using Oversight.Warehouse;
using Spectre.Console;

namespace Oversight.Cli.Commands;

/// <summary>oversight train / flags / backtest: the overdue-prone-window and empty-center models.</summary>
public static class FlagCommands
{
    private static readonly Option<int> Threshold = new("--overdue-threshold")
    {
        Description = "窗口当月到期办件中超期达到几件算“超期窗口”（模型标签）", DefaultValueFactory = _ => new FlagSettings().OverdueThreshold,
    };

    private static FlagSettings Settings(ParseResult parse) => new(OverdueThreshold: parse.GetValue(Threshold));

    public static Command Train()
    {
        var asOf = new Option<string>("--as-of") { Description = "只用该日期所在月份之前的数据训练，格式 YYYY-MM-DD", Required = true };
        var command = new Command("train", "训练超期窗口模型和“形同虚设”中心模型，保存模型并记录训练区间和指标") { asOf, Threshold };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var date = ParseDate(parse.GetValue(asOf)!);
            var db = parse.GetValue(CommonOptions.Db)!;
            using var writer = WriterLock.Acquire(db, "oversight train");
            using var connection = Database.OpenAndMigrate(db);
            var models = Progress.Run("训练模型", p => { p.Report("窗口模型与中心模型"); return Flagging.Train(connection, db, date, Settings(parse)); });
            foreach (var m in models)
                Console.WriteLine($"{(m.Kind == Flag.WindowKind ? "超期窗口模型" : "中心模型")}：第 {m.ModelId} 号，训练数据 {m.Rows:N0} 条" +
                                  (m.Positives is { } p ? $"（其中超期 {p:N0} 条）" : "") + $"，截至 {m.AsOf:yyyy-MM-dd} 之前，保存在 {m.Path}");
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
        var command = new Command("flags", "对某月评分：列出最可能超期的窗口和最可能“形同虚设”的中心，附理由") { month, format, top, Threshold };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var m = ParseMonth(parse.GetValue(month)!);
            var db = parse.GetValue(CommonOptions.Db)!;
            using var writer = WriterLock.Acquire(db, "oversight flags");
            using var connection = Database.OpenAndMigrate(db);
            var all = Flagging.ScoreMonth(connection, db, m, Settings(parse));
            var n = parse.GetValue(top);
            if (n < 1) throw new WarehouseException("--top 至少为 1。");
            // --top applies to both kinds and both formats.
            var flags = all.GroupBy(f => f.Kind).SelectMany(g => g.OrderBy(f => f.Rank).Take(n)).ToList();
            if (parse.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(flags, new JsonSerializerOptions
                {
                    WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                }));
                return 0;
            }
            foreach (var (kind, title) in new[] { (Flag.WindowKind, "最可能超期的窗口"), (Flag.CenterKind, "最可能“形同虚设”的中心") })
            {
                Console.WriteLine($"{m:yyyy年M月} {title}：");
                // At most 100 columns wide: the reasons wrap inside their cell rather than widening the table.
                var table = new Table().Width(Math.Min(100, Math.Max(60, AnsiConsole.Profile.Width)));
                table.AddColumn("名次").AddColumn("编码").AddColumn("名称").AddColumn("得分").AddColumn(new TableColumn("理由"));
                foreach (var f in flags.Where(f => f.Kind == kind))
                    table.AddRow(f.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(f.Code), Markup.Escape(f.Name),
                        f.Score.ToString("0.000", CultureInfo.InvariantCulture), Markup.Escape(string.Join("；", f.Reasons)));
                AnsiConsole.Write(table);
            }
            return 0;
        }));
        return command;
    }

    public static Command Backtest()
    {
        var from = new Option<string>("--from") { Description = "起始月份 YYYY-MM", Required = true };
        var to = new Option<string>("--to") { Description = "结束月份 YYYY-MM", Required = true };
        var command = new Command("backtest", "逐月滚动回测：每月只用此前数据训练，再与当月实际情况比较，并与简单规则对照") { from, to, Threshold };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            using var writer = WriterLock.Acquire(parse.GetValue(CommonOptions.Db)!, "oversight backtest");
            using var connection = Database.OpenAndMigrate(parse.GetValue(CommonOptions.Db)!);
            var months = Progress.Run("滚动回测", p => Analytics.Backtest.Run(connection, ParseMonth(parse.GetValue(from)!), ParseMonth(parse.GetValue(to)!),
                Settings(parse), p));
            var runId = Analytics.Backtest.Store(connection, months);
            Console.WriteLine($"回测结果（第 {runId} 次，{parse.GetValue(from)} 至 {parse.GetValue(to)}，各月平均）：");
            var table = new Table();
            table.AddColumns("对象", "方法", "评分数", "实际为真", "前5名命中率", "前10名命中率", "前10名召回率", "AUC（曲线下面积）");
            foreach (var s in Analytics.Backtest.Summarise(months).OrderBy(s => s.Kind).ThenBy(s => s.Method == "model" ? 0 : 1))
                table.AddRow(s.Kind == Flag.WindowKind ? "窗口（当月是否超期）" : "中心（检查是否发现问题）",
                    s.Method == "model" ? "模型" : s.Kind == Flag.WindowKind ? "对照：上月超期率" : "对照：每千人办件最少",
                    s.Scored.ToString("N0", CultureInfo.InvariantCulture), s.Positives.ToString("N0", CultureInfo.InvariantCulture),
                    P(s.PrecisionAt5), P(s.PrecisionAt10), P(s.RecallAt10), s.Auc is { } a ? a.ToString("0.000", CultureInfo.InvariantCulture) : "—");
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static string P(double? v) => v is { } x ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static DateOnly ParseMonth(string text) =>
        DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new WarehouseException($"月份“{text}”格式不对，应为 YYYY-MM，例如 2026-10。");

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new WarehouseException($"日期“{text}”格式不对，应为 YYYY-MM-DD，例如 2026-11-01。");
}
