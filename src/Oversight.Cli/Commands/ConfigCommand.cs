using System.CommandLine;

namespace Oversight.Cli.Commands;

/// <summary>oversight config init|show: the county folder (本县设置文件夹), which upgrades never overwrite.</summary>
public static class ConfigCommand
{
    public static Command Create()
    {
        var command = new Command("config", "本县设置文件夹：init 复制默认设置以便修改，show 列出各设置文件用的是本县的还是程序自带的");
        command.Subcommands.Add(Init());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Init()
    {
        var templates = new Option<bool>("--with-templates") { Description = "同时复制报告模板（.sbn 等）；只在要改文字版式时使用，复制后程序升级带来的模板改动不会生效" };
        var command = new Command("init", "写出可修改的设置：把程序自带的默认设置（指标设置、暗访设置、整改要求、报告设置、考核方案）复制到本县设置文件夹，已有的文件保留不动；加 --service-settings 时同时写出夜间服务的设置文件") { templates, ServiceSettingsOption, ForceOption };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            // The service settings first: a file already there stops the command before anything else is written.
            if (parse.GetValue(ServiceSettingsOption) is { } service) WriteServiceSettings(service, parse.GetValue(ForceOption));
            var county = CommonOptions.County(parse);
            var done = county.Init(parse.GetValue(templates));
            Console.WriteLine(Messages.CountyFolder(county.Root));
            foreach (var (file, written) in done)
                Console.WriteLine(Messages.CountyFileCopied(file.Replace('\\', '/'), written));
            Console.WriteLine(Messages.CountyFolderAdvice);
            return 0;
        }));
        return command;
    }

    internal static readonly Option<string?> ServiceSettingsOption = new("--service-settings")
    {
        Description = "同时把夜间服务（oversight serve）的默认设置写到该文件（JSON），便于修改；文件已存在时不覆盖",
    };

    internal static readonly Option<bool> ForceOption = new("--force") { Description = "与 --service-settings 同用：覆盖已存在的服务设置文件" };

    /// <summary>The one place the service's settings file is written (config init --service-settings; serve --write-settings
    /// is its alias).</summary>
    internal static void WriteServiceSettings(string target, bool force)
    {
        new Jobs.ServiceSettings().Write(target, overwrite: force);
        Console.WriteLine(Messages.SettingsWritten(Path.GetFullPath(target)));
    }

    private static Command Show()
    {
        var command = new Command("show", "列出本县可修改的设置文件，以及各自用的是本县设置文件夹中的还是程序自带的");
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var county = CommonOptions.County(parse);
            Console.WriteLine(Directory.Exists(county.Root) ? Messages.CountyFolder(county.Root) : Messages.CountyFolderMissing(county.Root));
            foreach (var (file, own) in county.Effective())
                Console.WriteLine(Messages.CountyFileInUse(file.Replace('\\', '/'), own));
            return 0;
        }));
        return command;
    }
}
