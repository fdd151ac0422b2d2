using System.Globalization;
using System.CommandLine;
using Oversight.Warehouse;
using Spectre.Console;

namespace Oversight.Cli.Commands;

/// <summary>Read-only ad-hoc SQL against the warehouse, for data offices checking figures.</summary>
public static class QueryCommand
{
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "要执行的只读 SQL，例如 \"SELECT * FROM api.rejects LIMIT 20\"" };
        var command = new Command("query", "以只读方式查询数据库并以表格显示（不能读写文件、更改设置或修改数据）") { sql };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            using var query = new ReadOnlyQuery(parse.GetValue(CommonOptions.Db)!);
            using var reader = query.Execute(parse.GetValue(sql)!);
            // Several statements give several results, each printed; a failing later one fails the command.
            do
            {
                var table = new Table();
                for (var i = 0; i < reader.FieldCount; i++) table.AddColumn(Markup.Escape(reader.GetName(i)));
                var rows = 0;
                while (Step(reader.Read))
                {
                    var cells = new string[reader.FieldCount];
                    for (var i = 0; i < reader.FieldCount; i++)
                        cells[i] = Markup.Escape(reader.IsDBNull(i) ? "" : Format(reader.GetValue(i)));
                    table.AddRow(cells);
                    rows++;
                }
                if (reader.FieldCount > 0) AnsiConsole.Write(table);
                Console.WriteLine(Messages.RowsTotal(rows));
            } while (Step(reader.NextResult));
            return 0;
        }));
        return command;
    }

    /// <summary>DuckDB reports some errors (a failed cast in a later row, a later statement) only while reading on.</summary>
    private static bool Step(Func<bool> next)
    {
        try
        {
            return next();
        }
        catch (DuckDB.NET.Data.DuckDBException ex)
        {
            throw ReadOnlyQuery.Explain(ex);
        }
    }

    private static string Format(object value) => value switch
    {
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? Messages.Yes : Messages.No,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
