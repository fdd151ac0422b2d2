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
        var issue = new Option<bool>("--issue") { Description = "正式印发：编份号、写成文日期并把计划记入受限目录（不加时只生成征求意见稿，不编号、不记录）" };
        var command = new Command("inspection", "生成暗访工作提示（机密，只写入仅本人可读的受限目录，默认为数据库旁的 restricted；计划记录也只存在该目录）") { month, recipient, size, issuer, issue };
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
            if (moved > 0) Console.WriteLine($"已把数据库中原有的 {moved} 份暗访计划记录移到受限目录 {Path.GetFullPath(folder)}，数据库中不再保存。");
            using var connection = CommonOptions.OpenAndMigrate(parse, plansMovedOut: true);
            var (files, result, plan) = Progress.Run("生成暗访工作提示", p =>
            {
                p.Report("汇总线索、抽取计划");
                return InspectionReport.Generate(connection, db, KeyFile.Load(db, connection), templates,
                    new InspectionReport.Options(m, folder, parse.GetValue(recipient)!, parse.GetValue(size), !parse.GetValue(ReportCommand.NoPdfOption),
                        parse.GetValue(issuer), parse.GetValue(issue)));
            });
            Console.WriteLine((plan is null
                                  ? $"已生成暗访工作提示征求意见稿（{result.Briefing.VisitMonthLabel}，未编份号、未记入计划记录；确认后加 --issue 正式印发）"
                                  : $"已印发第 {plan.PlanId} 份暗访工作提示（{result.Briefing.VisitMonthLabel}，份号 {result.Briefing.CopyNumber}）") +
                              $"，收件人：{result.Briefing.Recipient}；建议暗访 {result.Plan.Proposals.Count} 个中心。文件仅本人可读，请勿放入共享目录。");
            ReportCommand.Print(files);
            return 0;
        }));
        return command;
    }
}
