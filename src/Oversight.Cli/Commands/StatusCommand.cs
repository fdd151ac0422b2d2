using System.CommandLine;
using Dapper;
using Oversight.Warehouse;

namespace Oversight.Cli.Commands;

public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "查看数据库状态：结构版本、各表行数、最近导入");
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var db = parse.GetValue(CommonOptions.Db)!;
            using var connection = Database.Open(db, readOnly: true);
            Console.WriteLine($"数据库：{Path.GetFullPath(db)}");
            Console.WriteLine($"结构版本：{Migrator.CurrentVersion(connection)} / {Migrator.LatestVersion}");
            foreach (var (table, label) in new[]
                     {
                         ("dim_center", "中心"), ("dim_window", "窗口"), ("dim_staff", "人员"), ("dim_item", "事项"),
                         ("fct_case", "办件"), ("fct_complaint", "投诉"), ("fct_callback", "回访"),
                         ("fct_video_check", "视频抽查"), ("fct_visit", "暗访"),
                     })
            {
                Console.WriteLine($"  {label,-6} {connection.ExecuteScalar<long>($"SELECT count(*) FROM {table}"),10:N0} 条");
            }
            return 0;
        }));
        return command;
    }
}
