using Oversight.Ingest;
using Spectre.Console;

namespace Oversight.Cli;

/// <summary>Prints an ingest report: a table per file, then totals and warnings.</summary>
public static class IngestSummary
{
    public static void Print(IngestReport report)
    {
        var table = new Table().AddColumns("文件", "数据表", "结果", "导入行", "拒绝行", "说明");
        foreach (var f in report.Files)
            table.AddRow(Markup.Escape(f.FileName), FeedName(f.Feed), Outcomes.InChinese(f.Outcome),
                f.RowsLoaded.ToString("N0"), f.RowsRejected.ToString("N0"), Markup.Escape(f.Reason ?? ""));
        AnsiConsole.Write(table);
        // Plain lines, never wrapped like table cells: what the sender must act on, whole, also in a log file.
        foreach (var f in report.Files.Where(f => f.Outcome is not Outcomes.Duplicate && f.Reason is not null))
            Console.WriteLine($"{Outcomes.InChinese(f.Outcome)}：{f.FileName}：{f.Reason}");
        Console.WriteLine($"第 {report.RunId} 次导入：{report.Files.Count} 个文件，导入 {report.RowsLoaded:N0} 行，" +
                          $"拒绝 {report.RowsRejected:N0} 行，搁置 {report.Files.Count(f => f.Outcome == Outcomes.SetAside)} 个文件，" +
                          Count(report, Outcomes.Waiting, "留待下次导入") + Count(report, Outcomes.Skipped, "跳过") +
                          $"用时 {report.Duration.TotalSeconds:F1} 秒。");
        if (report.Order.Count > 1)
        {
            Console.WriteLine("导入顺序（参考表在前；同一数据表按文件名中的导出日期，无日期的按修改时间）：");
            foreach (var line in report.Order) Console.WriteLine($"  {line}");
        }
        foreach (var w in report.Warnings) Console.WriteLine($"提示：{w}");
        if (report.Files.Any(f => f.Outcome == Outcomes.SetAside))
            Console.WriteLine("被搁置的文件已移到收件目录下的 quarantine 文件夹（各附 .reason.txt 说明原因）；改正后重新放入收件目录即可再次导入。");
        if (report.RowsRejected > 0)
            Console.WriteLine("被拒绝的行（文件、行号、列、原因）可用 oversight rejects 或查询视图 api.rejects 查看。");
    }

    /// <summary>The feed as the user knows it: 办件, not cases.</summary>
    private static string FeedName(string? feed) => Feed.All.FirstOrDefault(x => x.Name == feed)?.ChineseName ?? "-";

    private static string Count(IngestReport report, string outcome, string label) =>
        report.Files.Count(f => f.Outcome == outcome) is var n and > 0 ? $"{label} {n} 个文件，" : "";
}
