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
}
