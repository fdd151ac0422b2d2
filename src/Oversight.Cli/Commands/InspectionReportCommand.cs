using System.CommandLine;
using Oversight.Configuration;
using Oversight.Privacy;
using Oversight.Reports;
using Oversight.Reports.Inspection;
using Oversight.Warehouse;

namespace Oversight.Cli.Commands;

/// <summary>oversight report inspection: the confidential plan for unannounced visits, to a restricted folder.</summary>
public static class InspectionReportCommand
{
    public static Command Create()
    {
        var month = new Option<string>("--month") { Description = "依据的数据月份，格式 YYYY-MM（默认上个月；计划供其次月使用）" };
        var recipient = new Option<string>("--recipient") { Description = "收件人", DefaultValueFactory = _ => Defaults.InspectionRecipient };
        var size = new Option<int>("--size") { Description = "建议暗访的中心数", DefaultValueFactory = _ => Defaults.InspectionPlanSize };
        var issuer = new Option<string?>("--issuer") { Description = "生成人（姓名或科室，印在提示上；默认取 settings.json 的 issuer）" };
        var command = new Command("inspection", "生成暗访工作提示（机密，只写入仅本人可读的受限目录，默认为数据库旁的 restricted；计划记录也只存在该目录）") { month, recipient, size, issuer };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            var m = ReportCommand.ParseMonth(parse.GetValue(month)).FirstDay;
            var outResult = parse.GetResult(ReportCommand.OutOption);
            var db = parse.GetValue(CommonOptions.Db)!;
            var folder = outResult is null || outResult.Implicit ? StatusCommand.BesideDatabase(db) : parse.GetValue(ReportCommand.OutOption)!;
            ReportWriter.PrepareRestrictedFolder(folder); // a shared folder is refused before anything is computed
            var templates = CommonOptions.County(parse).Templates(parse.GetValue(ReportCommand.TemplatesOption));
            using var writer = WriterLock.Acquire(db, "oversight report inspection");
            // Plans an older warehouse still holds go to the restricted folder before the upgrade drops them (V090).
            int moved;
            using (var old = Database.Open(db)) moved = InspectionPlanUpgrade.MoveOut(old, new InspectionPlanStore(folder));
            if (moved > 0) Console.WriteLine(Messages.PlansMovedOut(moved, Path.GetFullPath(folder)));
            using var warehouse = CommonOptions.OpenAndMigrate(parse, plansMovedOut: true);
            var connection = warehouse.Connection;
            var (files, result, plan) = Progress.Run(Messages.InspectionProgress, p =>
            {
                p.Report(Messages.DrawingPlan);
                return InspectionReport.Generate(connection, db, KeyFile.Load(db, connection), templates,
                    new InspectionReport.Options(m, folder, parse.GetValue(recipient)!, parse.GetValue(size), !parse.GetValue(ReportCommand.NoPdfOption),
                        parse.GetValue(issuer), parse.GetValue(ReportCommand.IssueOption)));
            });
            Console.WriteLine(plan is null
                ? Messages.InspectionDrafted(result.Briefing.VisitMonthLabel, result.Briefing.Recipient, result.Plan.Proposals.Count)
                : Messages.InspectionIssued(plan.PlanId, result.Briefing.VisitMonthLabel, result.Briefing.CopyNumber, result.Briefing.Recipient, result.Plan.Proposals.Count));
            ReportCommand.Print(files);
            return 0;
        }));
        return command;
    }
}
