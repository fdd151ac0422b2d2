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
        table.AddColumns(Messages.BacktestColumns);
        foreach (var s in Analytics.Backtest.Summarise(report.Windows.Months.Concat(report.Centers.Pooled).ToList())
                     .OrderBy(s => s.Kind == Flag.WindowKind ? 0 : 1).ThenBy(s => Array.IndexOf(RankingMethod.All, s.Method)))
            table.AddRow(s.Kind == Flag.WindowKind ? Messages.BacktestWindowObject : Messages.BacktestCenterObject(report.Centers.OutcomeSource),
                RankingMethod.Label(s.Method), N(s.Scored), N(s.Positives), P(s.PrecisionAt5), P(s.PrecisionAt10), P(s.RecallAt10),
                F(s.Auc), F(s.Brier));
        AnsiConsole.Write(table);

        Console.WriteLine(Messages.BacktestReliabilityHeading);
        var reliability = new Table();
        reliability.AddColumn(Messages.BacktestPredicted);
        foreach (var m in RankingMethod.All) reliability.AddColumn(RankingMethod.Label(m));
        var bins = report.Windows.Reliability.Values.FirstOrDefault() ?? [];
        for (var i = 0; i < bins.Count; i++)
            reliability.AddRow(new[] { $"{P(bins[i].From)}–{P(bins[i].To)}" }.Concat(RankingMethod.All.Select(m =>
            {
                var b = report.Windows.Reliability[m][i];
                return b.Count == 0 ? "—" : $"{N(b.Count)}：{P(b.MeanPredicted)} / {P(b.Observed)}";
            })).ToArray());
        AnsiConsole.Write(reliability);

        Console.WriteLine(Messages.BacktestLeadHeading);
        var lead = new Table();
        lead.AddColumns(Messages.BacktestLeadColumns);
        foreach (var l in report.Windows.LeadTimes)
            lead.AddRow(RankingMethod.Label(l.Method), N(l.Onsets), N(l.FoundInMonth), N(l.FoundWithinOneMonth), F(l.MeanDelay, "0.00"));
        AnsiConsole.Write(lead);

        Console.WriteLine(Messages.BacktestThirdsHeading);
        var thirds = new Table();
        thirds.AddColumns(Messages.BacktestThirdsColumns);
        foreach (var t in report.Windows.Thirds.Concat(report.Centers.Thirds is { } c ? [c] : []))
            thirds.AddRow(t.Kind == Flag.WindowKind ? Messages.Window : Messages.Center, RankingMethod.Label(t.Method), P(t.Small), P(t.Middle), P(t.Large));
        AnsiConsole.Write(thirds);

        Console.WriteLine(Messages.BacktestCenterNote(report.Centers.Note));
        Console.WriteLine(Messages.BacktestChoice(to, report.Choice.Text));
    }

    private static string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(double? v) => v is { } x ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string F(double? v, string format = "0.000") => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";
}
