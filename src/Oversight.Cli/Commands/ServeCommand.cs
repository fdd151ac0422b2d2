using System.CommandLine;
using Oversight.Jobs;

namespace Oversight.Cli.Commands;

/// <summary>oversight serve: the nightly service (Quartz in a generic host).</summary>
public static class ServeCommand
{
    public const string DefaultSettings = "./oversight.settings.json";

    public static Command Create()
    {
        var settings = new Option<string>("--settings") { Description = "服务设置文件（JSON）", DefaultValueFactory = _ => DefaultSettings };
        var catchUpOnly = new Option<bool>("--catch-up-only") { Description = "只补做错过的任务，然后退出" };
        var writeSettings = new Option<string?>("--write-settings") { Description = "同 oversight config init --service-settings：把默认设置写到该文件后退出（文件已存在时不覆盖）" };
        var force = new Option<bool>("--force") { Description = "与 --write-settings 同用：覆盖已存在的设置文件" };
        var command = new Command("serve", "长期运行的夜间服务：每晚导入、评分，每月 1 日出通报；错过的任务在启动时补做一次") { settings, catchUpOnly, writeSettings, force };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            if (parse.GetValue(writeSettings) is { } target)
            {
                ConfigCommand.WriteServiceSettings(target, parse.GetValue(force));
                Console.WriteLine(Messages.WriteSettingsIsAnAlias(target));
                return 0;
            }
            var path = parse.GetValue(settings)!;
            ServiceSettings loaded;
            if (File.Exists(path) || path != DefaultSettings)
                loaded = ServiceSettings.Load(path);
            else
            {
                loaded = new ServiceSettings { Database = parse.GetValue(CommonOptions.Db)! };
                Console.WriteLine(Messages.NoSettingsFile(Path.GetFullPath(path), loaded.Resolve(loaded.Database), loaded.Resolve(loaded.Inbox)));
            }
            if (loaded.Config is null && parse.GetValue(CommonOptions.Config) is { Length: > 0 } config) loaded = loaded with { Config = Path.GetFullPath(config) };
            return ServiceHost.RunAsync(loaded, parse.GetValue(catchUpOnly), Console.Out).GetAwaiter().GetResult();
        }));
        return command;
    }
}
