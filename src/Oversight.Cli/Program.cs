using System.CommandLine;
using System.Globalization;
using System.Text;
using Oversight.Cli;
using Oversight.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
// Every message a county user reads is Chinese, System.CommandLine's own help and parse errors included: it reads
// them from its zh-Hans satellite assembly (kept in the build by SatelliteResourceLanguages). Only the UI culture
// changes; numbers and dates are formatted explicitly where they are printed.
var chinese = CultureInfo.GetCultureInfo("zh-Hans");
CultureInfo.DefaultThreadCurrentUICulture = chinese;
CultureInfo.CurrentUICulture = chinese;
// Redirected output has no terminal width; Spectre would assume 80 columns and split wide Chinese cells badly.
if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 200;

var root = new RootCommand("oversight：便民服务中心监督分析仓库")
{
    CommonOptions.Db,
    CommonOptions.Config,
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
root.Subcommands.Add(ConfigCommand.Create());
root.Subcommands.Add(RectifyCommand.Create());

ChineseHelp.Install(root);

var parse = root.Parse(args);
// Parse errors are printed here in Chinese rather than by System.CommandLine (see ParseErrors); help clears them.
if (parse.Action is System.CommandLine.Invocation.ParseErrorAction) return ParseErrors.Print(parse, Console.Error);
return await parse.InvokeAsync();
