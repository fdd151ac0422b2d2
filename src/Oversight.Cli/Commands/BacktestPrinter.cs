using System.Globalization;
using Oversight.Analytics;
using Oversight.Calendar;
using Spectre.Console;

namespace Oversight.Cli.Commands;

/// <summary>Prints a walk-forward backtest: every method side by side on the one label, reliability, lead time on
/// windows that start running late, flag rates by volume third, the center outcome used, and the basis chosen.</summary>
public static class BacktestPrinter
{
    public static void Print(BacktestReport report, long runId, Month from, Month to, EvidenceSettings evidence)
    {
        Console.WriteLine(Messages.BacktestHeading(runId, from, to));
        Console.WriteLine(Messages.BacktestLabel(evidence.LabelText));
        var table = new Table();
        table.AddColumns("对象", "方法", "评分数", "实际为真", "前5名命中率", "前10名命中率", "前10名召回率", "AUC（曲线下面积）", "Brier 分数");
        foreach (var s in Analytics.Backtest.Summarise(report.Windows.Months.Concat(report.Centers.Pooled).ToList())
                     .OrderBy(s => s.Kind == Flag.WindowKind ? 0 : 1).ThenBy(s => Array.IndexOf(RankingMethod.All, s.Method)))
            table.AddRow(s.Kind == Flag.WindowKind ? "窗口（当月是否易超期）" : $"中心（{report.Centers.OutcomeSource ?? "检查"}是否发现问题）",
                RankingMethod.Label(s.Method), N(s.Scored), N(s.Positives), P(s.PrecisionAt5), P(s.PrecisionAt10), P(s.RecallAt10),
                F(s.Auc), F(s.Brier));
        AnsiConsole.Write(table);

        Console.WriteLine("可靠性（预测概率分段：件数，平均预测 / 实际比例；规则的概率按此前各月同一分数段的实际比例换算）：");
        var reliability = new Table();
        reliability.AddColumn("预测概率");
        foreach (var m in RankingMethod.All) reliability.AddColumn(RankingMethod.Label(m));
        var bins = report.Windows.Reliability.Values.FirstOrDefault() ?? [];
        for (var i = 0; i < bins.Count; i++)
            reliability.AddRow(new[] { $"{P(bins[i].From)}–{P(bins[i].To)}" }.Concat(RankingMethod.All.Select(m =>
            {
                var b = report.Windows.Reliability[m][i];
                return b.Count == 0 ? "—" : $"{N(b.Count)}：{P(b.MeanPredicted)} / {P(b.Observed)}";
            })).ToArray());
        AnsiConsole.Write(reliability);

        Console.WriteLine("开始超期的窗口（此前 3 个月均未“易超期”）多快进入前 10 名（0 = 当月即列入）：");
        var lead = new Table();
        lead.AddColumns("方法", "开始超期的窗口月", "当月即列入", "1个月内列入", "平均滞后（月，3个月内找到的）");
        foreach (var l in report.Windows.LeadTimes)
            lead.AddRow(RankingMethod.Label(l.Method), N(l.Onsets), N(l.FoundInMonth), N(l.FoundWithinOneMonth), F(l.MeanDelay, "0.00"));
        AnsiConsole.Write(lead);

        Console.WriteLine("按办件量三等分，进入前 10 名（中心：列入预警名单）的比例：");
        var thirds = new Table();
        thirds.AddColumns("对象", "方法", "最小的三分之一", "中间三分之一", "最大的三分之一");
        foreach (var t in report.Windows.Thirds.Concat(report.Centers.Thirds is { } c ? [c] : []))
            thirds.AddRow(t.Kind == Flag.WindowKind ? "窗口" : "中心", RankingMethod.Label(t.Method), P(t.Small), P(t.Middle), P(t.Large));
        AnsiConsole.Write(thirds);

        Console.WriteLine("中心回测：" + report.Centers.Note);
        Console.WriteLine(Messages.BacktestChoice(to, report.Choice.Text));
    }

    private static string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(double? v) => v is { } x ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string F(double? v, string format = "0.000") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";
}
