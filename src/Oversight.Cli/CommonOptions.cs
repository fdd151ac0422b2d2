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

    /// <summary>The county folder of this run's warehouse: --config, else beside the database.</summary>
    public static Configuration.CountyFolder County(ParseResult parse) => County(parse, parse.GetValue(Db)!);

    /// <summary>The county folder of another warehouse of this run (the demo's): --config, else beside it.</summary>
    public static Configuration.CountyFolder County(ParseResult parse, string db) =>
        Configuration.CountyFolder.For(db, parse.GetValue(Config) is { Length: > 0 } config ? Path.GetFullPath(config) : null);

    /// <summary>This run's warehouse, opened read-write and up to date, with this run's county folder.</summary>
    public static CountyWarehouse OpenAndMigrate(ParseResult parse, bool plansMovedOut = false) =>
        Database.OpenAndMigrate(parse.GetValue(Db)!, County(parse), plansMovedOut);
}
