using System.CommandLine;
using Dapper;
using Oversight.Warehouse;
using Spectre.Console;

namespace Oversight.Cli.Commands;

/// <summary>Rejected rows with file, row, column and reason: what a data office needs to fix its export.</summary>
public static class RejectsCommand
{
    public static Command Create()
    {
        var file = new Option<string?>("--file") { Description = "只看某个文件的拒绝记录" };
        var limit = new Option<int>("--limit") { Description = "最多显示多少行", DefaultValueFactory = _ => 100 };
        var command = new Command("rejects", "查看被拒绝的数据行（文件、行号、列、原因）") { file, limit };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            using var connection = Database.Open(parse.GetValue(CommonOptions.Db)!, readOnly: true);
            var rows = connection.Query<(string File, long Row, string? Column, string Reason, string? Header)>(
                """SELECT file, "row", "column", reason, header FROM api.rejects WHERE $file IS NULL OR file = $file ORDER BY file, "row" LIMIT $limit""",
                new { file = parse.GetValue(file), limit = parse.GetValue(limit) }).ToList();
            var table = new Table().AddColumns(Messages.RejectsColumns);
            foreach (var r in rows) table.AddRow(Markup.Escape(r.File), r.Row.ToString(), Markup.Escape(ColumnName(r.Column, r.Header)), Markup.Escape(r.Reason));
            AnsiConsole.Write(table);
            Console.WriteLine(Messages.RejectsShown(rows.Count));
            return 0;
        }));
        return command;
    }

    /// <summary>The column as the sender named it; else the contract's Chinese header (never accepted_at).</summary>
    private static string ColumnName(string? column, string? header) =>
        header is { Length: > 0 } ? header
        : column is null ? ""
        : Oversight.Ingest.Feed.All.SelectMany(f => f.Columns).FirstOrDefault(c => c.Name == column)?.ChineseHeader ?? column;
}
