using System.CommandLine;
using Dapper;
using Oversight.Assessment;
using Oversight.Calendar;
using Oversight.Warehouse;

namespace Oversight.Cli.Commands;

/// <summary>oversight appeal add|list: records and shows appeals (复核) on assessment evidence.</summary>
public static class AppealCommand
{
    public static Command Create()
    {
        var command = new Command("appeal", "考核复核：撤销或更正某条考核证据（原始数据不删除）");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Add()
    {
        var source = new Option<string>("--source") { Description = "证据来源：" + string.Join("、", ScoringRules.Sources), Required = true };
        var record = new Option<string>("--record") { Description = "记录编号（办件编号、投诉编号等；延时服务为 中心编码:日期）", Required = true };
        var quantity = new Option<decimal?>("--quantity") { Description = "更正后的数量（如超期工作日数）；不给则撤销该条证据" };
        var reason = new Option<string>("--reason") { Description = "复核理由", Required = true };
        var approver = new Option<string>("--approver") { Description = "批准人", Required = true };
        var date = new Option<string?>("--date") { Description = "批准日期 YYYY-MM-DD（默认今天）" };
        var filed = new Option<string?>("--filed") { Description = "申请提出日期 YYYY-MM-DD（默认同批准日期），须在公示期内" };
        var late = new Option<string?>("--late-approved-by") { Description = "逾期申请经谁批准受理（超过公示期时必填）" };
        var keep = new Option<bool>("--keep") { Description = "复核维持原结论（记录在案，分值不变）" };
        var command = new Command("add", "登记一条复核结论") { source, record, quantity, reason, approver, date, filed, late, keep };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var decided = Days.ParseOptional(parse.GetValue(date)) ?? DateOnly.FromDateTime(DateTime.Now);
            var filedOn = Days.ParseOptional(parse.GetValue(filed));
            using var writer = WriterLock.Acquire(parse.GetValue(CommonOptions.Db)!, "oversight appeal add");
            using var warehouse = CommonOptions.OpenAndMigrate(parse);
            var connection = warehouse.Connection;
            var id = Appeals.Add(connection, parse.GetValue(source)!, parse.GetValue(record)!, parse.GetValue(quantity),
                parse.GetValue(reason)!, parse.GetValue(approver)!, decided, filedOn, parse.GetValue(late), parse.GetValue(keep));
            // The period to regenerate is the record's, not the year the appeal was decided in.
            var (year, quarter) = connection.QuerySingle<(int, int)>(
                "SELECT year, quarter FROM mart_assessment_evidence WHERE source = $source AND record_id = $record LIMIT 1",
                new { source = parse.GetValue(source), record = parse.GetValue(record) });
            Console.WriteLine(Messages.AppealRecorded(id, year, quarter));
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "列出全部复核记录");
        command.SetAction(parse => CliRunner.Run(() =>
        {
            using var connection = Database.Open(parse.GetValue(CommonOptions.Db)!, readOnly: true);
            var rows = connection.Query<(long Id, string Source, string Record, string Action, double? Quantity, string Reason, string Approver, DateOnly Decided)>(
                "SELECT appeal_id, source, record_id, action, new_quantity, reason, approver, decided_on FROM assessment_appeal ORDER BY appeal_id").ToList();
            if (rows.Count == 0) Console.WriteLine(Messages.NoAppeals);
            foreach (var r in rows)
                Console.WriteLine(Messages.AppealLine(r.Id, r.Decided, r.Source, r.Record, r.Action == "withdraw", r.Quantity, r.Reason, r.Approver));
            return 0;
        }));
        return command;
    }
}
