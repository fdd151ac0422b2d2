using System.CommandLine;
using System.Text;
using Oversight.Cli;
using Oversight.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
// Redirected output has no terminal width; Spectre would assume 80 columns and split wide Chinese cells badly.
if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 200;

var root = new RootCommand("oversight：便民服务中心监督分析仓库")
{
    CommonOptions.Db,
};
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(QueryCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(RejectsCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(AppealCommand.Create());
root.Subcommands.Add(FlagCommands.Train());
root.Subcommands.Add(FlagCommands.Flags());
root.Subcommands.Add(FlagCommands.Backtest());
root.Subcommands.Add(ServeCommand.Create());

return await root.Parse(args).InvokeAsync();
