using System.CommandLine;
using Oversight.Calendar;
using Oversight.Rectification;
using Oversight.Warehouse;

namespace Oversight.Cli.Commands;

/// <summary>oversight rectify …: the 整改 ledger. Parsing and messages only; the rules are in Oversight.Rectification.</summary>
public static class RectifyCommand
{
    private static readonly Option<string?> Date = new("--date") { Description = "办理日期 YYYY-MM-DD（默认今天）", Recursive = true };
    private static readonly Option<string> By = new("--by")
    {
        Description = "经办人（记入整改台账的变动记录；默认当前系统用户）", Recursive = true, DefaultValueFactory = _ => Environment.UserName,
    };

    public static Command Create()
    {
        var command = new Command("rectify", "整改台账：由通报、暗访/明查、属实投诉提出整改建议，确认交办、跟踪、复核销号、导出台账") { Date, By };
        command.Subcommands.Add(Propose());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Confirm());
        command.Subcommands.Add(Drop());
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Update());
        command.Subcommands.Add(Close());
        command.Subcommands.Add(Reopen());
        command.Subcommands.Add(Hold());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Argument<string[]> Items(string description) => new("编号") { Description = description, Arity = ArgumentArity.OneOrMore };

    private static Command Propose()
    {
        var month = new Option<string>("--month") { Description = "发现问题的月份 YYYY-MM（该月通报所列问题、暗访/明查发现的问题、属实投诉）", Required = true };
        var command = new Command("propose", "按某月的通报问题、暗访/明查和属实投诉提出整改建议（待确认，不交办）") { month };
        command.SetAction(parse => Write(parse, "oversight rectify propose", (connection, today, _) =>
        {
            var m = Month.Parse(parse.GetValue(month));
            var added = Progress.Run(Messages.RectifyProposing, p =>
            {
                p.Report(Messages.RectifyReadingFindings);
                return RectificationProposals.ForMonth(connection, m, today, CommonOptions.County(parse).Templates());
            });
            Console.WriteLine(added == 0 ? Messages.RectifyNothingNew(m) : Messages.RectifyProposed(added));
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var all = new Option<bool>("--all") { Description = "包括已销号、已撤销的事项" };
        var center = new Option<string?>("--center") { Description = "只看某个中心（中心编码）" };
        var command = new Command("list", "列出整改事项：编号、中心、状态、时限、灯色") { all, center };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            using var connection = Database.Open(parse.GetValue(CommonOptions.Db)!, readOnly: true);
            var today = Today(parse);
            var lights = RectificationLights.For(connection, today);
            var byId = lights.ToDictionary(l => l.ItemId);
            var items = RectificationLedger.All(connection)
                .Where(i => parse.GetValue(all) || i.Status is RectificationStatus.Proposed || i.Status.IsOpen())
                .Where(i => parse.GetValue(center) is not { } c || i.CenterCode == c).ToList();
            if (items.Count == 0) Console.WriteLine(Messages.RectifyNoItems);
            foreach (var i in items)
            {
                var light = byId.TryGetValue(i.ItemId, out var l) && l.Light is { } x ? Messages.RectifyLight(x) : "";
                Console.WriteLine(Messages.RectifyListLine(i.Label, i.ItemId, light, i.CenterName ?? i.CenterCode, i.StatusName, i.Deadline, Short(i.Description)));
            }
            Console.WriteLine(Messages.RectifyAsOf(today, RectificationLights.Summary(lights)));
            return 0;
        }));
        return command;
    }

    private static Command Confirm()
    {
        var items = Items(description: "建议编号（rectify list 括号中的数字），可多个");
        var days = new Option<int?>("--days") { Description = "整改时限（工作日，默认按来源取 metric_settings.csv 中的设置）" };
        var command = new Command("confirm", "确认整改建议并交办：编号为 整改〔年〕N号，时限按工作日计算") { items, days };
        command.SetAction(parse => Write(parse, "oversight rectify confirm", (connection, today, by) =>
        {
            foreach (var reference in parse.GetValue(items)!)
            {
                var item = RectificationLedger.Confirm(connection, reference, by, today, parse.GetValue(days));
                Console.WriteLine(Messages.RectifyConfirmed(item.DocNumber, item.CenterName ?? item.CenterCode, item.WorkingDays, item.Deadline));
            }
            return 0;
        }));
        return command;
    }

    private static Command Drop()
    {
        var items = Items(description: "建议编号，可多个");
        var reason = new Option<string?>("--reason") { Description = "不予交办的理由" };
        var command = new Command("drop", "不予交办（撤销整改建议，记录在案）") { items, reason };
        command.SetAction(parse => Write(parse, "oversight rectify drop", (connection, today, by) =>
        {
            foreach (var reference in parse.GetValue(items)!)
            {
                RectificationLedger.Drop(connection, reference, by, parse.GetValue(reason), today);
                Console.WriteLine(Messages.RectifyDropped(reference));
            }
            return 0;
        }));
        return command;
    }

    private static Command Add()
    {
        var center = new Option<string>("--center") { Description = "责任中心编码", Required = true };
        var window = new Option<string?>("--window") { Description = "窗口编码" };
        var source = new Option<string>("--source") { Description = "来源：" + string.Join("、", RectificationSources.All), DefaultValueFactory = _ => RectificationSources.Manual };
        var problem = new Option<string>("--problem") { Description = "问题描述", Required = true };
        var requirement = new Option<string?>("--requirement") { Description = "整改要求" };
        var command = new Command("add", "手工登记一项整改事项并交办") { center, window, source, problem, requirement };
        command.SetAction(parse => Write(parse, "oversight rectify add", (connection, today, by) =>
        {
            var item = RectificationLedger.AddManual(connection, parse.GetValue(source)!, parse.GetValue(center)!.Trim(), parse.GetValue(window),
                parse.GetValue(problem)!, parse.GetValue(requirement), by, today);
            Console.WriteLine(Messages.RectifyAdded(item.DocNumber, item.Deadline));
            return 0;
        }));
        return command;
    }

    private static Command Update()
    {
        var items = Items(description: "整改编号（如 整改〔2026〕3号）");
        var status = new Option<string?>("--status") { Description = "状态：整改中、申请销号" };
        var measures = new Option<string?>("--measures") { Description = "整改措施" };
        var evidence = new Option<string?>("--evidence") { Description = "佐证材料（文件名、文号等）" };
        var responsible = new Option<string?>("--responsible") { Description = "责任人" };
        var done = new Option<string?>("--completed") { Description = "整改完成日期 YYYY-MM-DD" };
        var command = new Command("update", "登记乡镇报送的整改情况（与整改反馈表相同的规则）") { items, status, measures, evidence, responsible, done };
        command.SetAction(parse => Write(parse, "oversight rectify update", (connection, today, by) =>
        {
            var to = parse.GetValue(status) is { Length: > 0 } s ? RectificationStatuses.Parse(s) : (RectificationStatus?)null;
            foreach (var reference in parse.GetValue(items)!)
            {
                RectificationLedger.Update(connection, reference, by, to, parse.GetValue(measures), parse.GetValue(evidence), parse.GetValue(responsible),
                    Days.ParseOptional(parse.GetValue(done)), today);
                Console.WriteLine(Messages.RectifyUpdated(reference));
            }
            return 0;
        }));
        return command;
    }

    private static Command Close()
    {
        var items = Items(description: "整改编号");
        var reviewer = new Option<string>("--reviewer") { Description = "复核人", Required = true };
        var overrideReason = new Option<string?>("--override") { Description = "数据未见改善仍予销号的理由（记录在案）" };
        var command = new Command("close", "复核销号：有数据可核对的，核对交办后的数据是否改善") { items, reviewer, overrideReason };
        command.SetAction(parse => Write(parse, "oversight rectify close", (connection, today, _) =>
        {
            foreach (var reference in parse.GetValue(items)!)
            {
                var check = RectificationLedger.Close(connection, reference, parse.GetValue(reviewer)!, today, parse.GetValue(overrideReason));
                Console.WriteLine(Messages.RectifyClosed(reference, check.Text, check.Verdict == DataVerdict.NotImproved));
            }
            return 0;
        }));
        return command;
    }

    private static Command Reopen()
    {
        var items = Items(description: "整改编号");
        var reason = new Option<string>("--reason") { Description = "退回理由", Required = true };
        var command = new Command("reopen", "退回重改：驳回销号申请，或重新打开已销号的事项") { items, reason };
        command.SetAction(parse => Write(parse, "oversight rectify reopen", (connection, today, by) =>
        {
            foreach (var reference in parse.GetValue(items)!)
            {
                RectificationLedger.Reopen(connection, reference, by, parse.GetValue(reason)!, today);
                Console.WriteLine(Messages.RectifyReopened(reference));
            }
            return 0;
        }));
        return command;
    }

    private static Command Hold()
    {
        var item = new Argument<string>("编号") { Description = "整改编号" };
        var measure = new Option<string>("--measure") { Description = "追究方式：" + string.Join("、", Accountability.Measures), Required = true };
        var person = new Option<string?>("--person") { Description = "被追究的人或单位" };
        var decidedBy = new Option<string>("--decided-by") { Description = "决定机关或批准人", Required = true };
        var note = new Option<string?>("--note") { Description = "说明" };
        var command = new Command("hold", "对整改事项登记责任追究（约谈、通报批评、诫勉谈话、组织处理等）") { item, measure, person, decidedBy, note };
        command.SetAction(parse => Write(parse, "oversight rectify hold", (connection, today, _) =>
        {
            RectificationLedger.Hold(connection, parse.GetValue(item)!, parse.GetValue(measure)!, parse.GetValue(person), parse.GetValue(decidedBy)!, today, parse.GetValue(note));
            Console.WriteLine(Messages.RectifyHeld(parse.GetValue(item)!, parse.GetValue(measure)!));
            return 0;
        }));
        return command;
    }

    private static Command Export()
    {
        var outDir = new Option<string>("--out") { Description = "输出目录", DefaultValueFactory = _ => "./整改台账" };
        var center = new Option<string?>("--center") { Description = "只导出某个中心（中心编码）" };
        var command = new Command("export", "按乡镇导出未销号事项的整改台账（XLSX，填好后原样放入收件目录即可导入）") { outDir, center };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            using var connection = Database.Open(parse.GetValue(CommonOptions.Db)!, readOnly: true);
            var files = RectificationWorkbook.Export(connection, parse.GetValue(outDir)!, Today(parse), parse.GetValue(center));
            if (files.Count == 0) Console.WriteLine(Messages.RectifyNothingOpen);
            foreach (var f in files) Console.WriteLine(Messages.RectifyWorkbook(f));
            return 0;
        }));
        return command;
    }

    private static int Write(ParseResult parse, string name, Func<DuckDB.NET.Data.DuckDBConnection, DateOnly, string, int> body) => CliRunner.Run(() =>
    {
        var today = Today(parse);
        using var writer = WriterLock.Acquire(parse.GetValue(CommonOptions.Db)!, name);
        using var warehouse = CommonOptions.OpenAndMigrate(parse);
        var connection = warehouse.Connection;
        return body(connection, today, parse.GetValue(By)!.Trim());
    });

    private static DateOnly Today(ParseResult parse) => Days.ParseOptional(parse.GetValue(Date)) ?? DateOnly.FromDateTime(DateTime.Now);


    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
