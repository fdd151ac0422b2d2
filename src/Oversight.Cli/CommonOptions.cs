using System.CommandLine;
using Oversight.Warehouse;

namespace Oversight.Cli;

public static class CommonOptions
{
    public static readonly Option<string> Db = new("--db")
    {
        Description = "数据库文件路径",
        DefaultValueFactory = _ => Database.DefaultPath,
        Recursive = true,
    };

    /// <summary>The county folder (本县设置文件夹); its default is decided beside the database, so none is given here.</summary>
    public static readonly Option<string?> Config = new("--config")
    {
        Description = $"本县设置文件夹：本县改过的设置、模板和表头映射，程序升级不会覆盖（默认为数据库旁的 {Configuration.CountyFolder.DefaultName}）",
        Recursive = true,
    };

    /// <summary>The county folder of this run's warehouse.</summary>
    public static Configuration.CountyFolder County(ParseResult parse) => Configuration.CountyFolder.For(parse.GetValue(Db)!);
}
