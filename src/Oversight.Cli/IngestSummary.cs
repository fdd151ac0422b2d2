using Oversight.Ingest;
using Spectre.Console;

namespace Oversight.Cli;

/// <summary>Prints an ingest report: a table per file, then totals and warnings.</summary>
public static class IngestSummary
{
    public static void Print(IngestReport report)
    {
        var table = new Table().AddColumns(Messages.IngestColumns);
        foreach (var f in report.Files)
            table.AddRow(Markup.Escape(f.FileName), FeedName(f.Feed), Outcomes.InChinese(f.Outcome),
                f.RowsLoaded.ToString("N0"), f.RowsRejected.ToString("N0"), Markup.Escape(f.Reason ?? ""));
        AnsiConsole.Write(table);
        // Plain lines, never wrapped like table cells: what the sender must act on, whole, also in a log file.
        foreach (var f in report.Files.Where(f => f.Outcome is not Outcomes.Duplicate && f.Reason is not null))
            Console.WriteLine(Messages.IngestFileNote(Outcomes.InChinese(f.Outcome), f.FileName, f.Reason!));
        Console.WriteLine(Messages.IngestTotals(report.RunId, report.Files.Count, report.RowsLoaded, report.RowsRejected, Count(report, Outcomes.SetAside),
            Count(report, Outcomes.Waiting), Count(report, Outcomes.Skipped), report.Duration));
        if (report.Order.Count > 1)
        {
            Console.WriteLine(Messages.IngestOrderHeading);
            foreach (var line in report.Order) Console.WriteLine($"  {line}");
        }
        foreach (var w in report.Warnings) Console.WriteLine(Messages.IngestWarning(w));
        if (report.Files.Any(f => f.Outcome == Outcomes.SetAside))
            Console.WriteLine(Messages.IngestSetAsideAdvice);
        if (report.RowsRejected > 0)
            Console.WriteLine(Messages.IngestRejectsAdvice);
    }

    /// <summary>The feed as the user knows it: 办件, not cases.</summary>
    private static string FeedName(string? feed) => Feed.All.FirstOrDefault(x => x.Name == feed)?.ChineseName ?? "-";

    private static int Count(IngestReport report, string outcome) => report.Files.Count(f => f.Outcome == outcome);
}
