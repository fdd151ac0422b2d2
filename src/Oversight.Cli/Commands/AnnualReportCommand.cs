using System.CommandLine;
using Oversight.Assessment;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Reports.Issuing;
using Oversight.Warehouse;

namespace Oversight.Cli.Commands;

/// <summary>oversight report annual: the assessment of township heads, for a year or a quarter.</summary>
public static class AnnualReportCommand
{
    public static Command Create() =>
        Assessment("annual", description: "生成乡镇长考核（年度或季度，含逐条计分附录、公示与复核）", Path.Combine("annual", "rules.json"), "center");

    /// <summary>The shared body of `report annual` and `report staff`: parse the period, score, store, render.</summary>
    internal static Command Assessment(string name, string description, string defaultRules, string subject)
    {
        var year = new Option<int?>("--year") { Description = "考核年度（默认去年）" };
        var quarter = new Option<string?>("--quarter") { Description = "考核季度，如 2026Q3（与 --year 二选一）" };
        var rules = new Option<string?>("--rules") { Description = $"计分规则文件（默认模板目录中的 {defaultRules.Replace('\\', '/')}）" };
        var command = new Command(name, description) { year, quarter, rules };
        command.SetAction(parse => CliRunner.Run(() =>
        {
            if (parse.GetValue(year) is not null && parse.GetValue(quarter) is not null)
                throw new AssessmentException(Messages.YearOrQuarter);
            var period = parse.GetValue(quarter) is { } q ? AssessmentPeriod.ParseQuarter(q)
                : AssessmentPeriod.OfYear(parse.GetValue(year) ?? DateTime.Now.Year - 1);
            var templates = CommonOptions.County(parse).Templates(parse.GetValue(ReportCommand.TemplatesOption));
            var scoring = ScoringRules.Load(parse.GetValue(rules) ?? templates.PathOf(defaultRules));
            if (scoring.Subject != subject)
                throw new AssessmentException(subject == "staff" ? Messages.SchemeIsForCenters(scoring.Name) : Messages.SchemeIsForStaff(scoring.Name));
            using var writer = WriterLock.Acquire(parse.GetValue(CommonOptions.Db)!, $"oversight report {name}");
            using var warehouse = CommonOptions.OpenAndMigrate(parse);
            var issuing = parse.GetValue(ReportCommand.IssueOption);
            var now = DateTime.Now;
            var (report, result, files) = Progress.Run(Messages.AssessmentProgress(issuing, period.Label, subject == "staff"), p =>
            {
                p.Report(Messages.ScoringRules);
                return Jobs.CountyJobs.Assessment(warehouse, templates, ReportSettings.Load(templates), period, scoring, issuing,
                    parse.GetValue(ReportCommand.ConfirmClockOption), parse.GetValue(ReportCommand.OutOption)!, !parse.GetValue(ReportCommand.NoPdfOption), now);
            });
            // The coverage and the partial-period mark in the documents' words (the county's partial when it has one).
            Console.WriteLine(Messages.AssessmentScored(AssessmentWording.Coverage(templates, report.Coverage), result.Subjects.Count, subject == "staff",
                result.Subjects.GroupBy(s => s.Band).Select(g => Messages.AssessmentBand(g.Key, g.Count()))));
            if (report.PartialPeriod is { } partial) Console.WriteLine(AssessmentWording.PartialNotice(templates, partial));
            if (issuing)
                Console.WriteLine(Messages.AssessmentIssued(report.AppealNotice.PublishedOn, report.AppealNotice.Deadline, report.AppealNotice.WorkingDays));
            else ReportCommand.DraftNote(warehouse.Connection, now, Messages.AssessmentNotTaken);
            ReportCommand.Print(files.Report);
            Console.WriteLine(Messages.ScoresWorkbook(files.Xlsx));
            return 0;
        }));
        return command;
    }
}
