using Oversight.Assessment;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Reports.Inspection;
using Oversight.Reports.Issuing;
using Oversight.Reports.Monthly;
using Oversight.Warehouse;

namespace Oversight.Jobs;

/// <summary>The run on the 1st: the monthly briefing for the month just ended (and in January the annual assessment
/// of the year just ended), issued, to the reports folder; the inspection plan for the new month to the restricted folder.</summary>
public static class MonthlyWork
{
    public sealed record Counts(string Month, IReadOnlyList<string> Files);

    public static Counts Run(CountyWarehouse warehouse, ServiceSettings s, byte[] key, DateTime scheduledFor, TextWriter log)
    {
        var month = new DateOnly(scheduledFor.Year, scheduledFor.Month, 1).AddMonths(-1);
        var templates = s.County().Templates(s.Templates is null ? null : s.Resolve(s.Templates));
        var settings = ReportSettings.Load(templates);
        var outDir = s.Resolve(s.Reports);
        var files = new List<string>();

        // The service issues: a clock set back stops the run here (no 文号, no 成文日期) and the log says why.
        var (briefing, written) = CountyJobs.MonthlyBriefing(warehouse, templates, settings, Calendar.Month.Of(month), new IssueRequest(), outDir, s.Pdf, DateTime.Now);
        files.AddRange(written.All);
        log.WriteLine("  " + Messages.MonthlyBriefingWritten(briefing.Form.DocumentNumber, written.Report.Html, written.Report.PdfNote));

        if (month.Month == 12)
        {
            var rules = ScoringRules.Load(s.ScoringRules is null ? templates.PathOf(Path.Combine("annual", "rules.json")) : s.Resolve(s.ScoringRules));
            var period = AssessmentPeriod.OfYear(month.Year);
            var (report, _, annual) = CountyJobs.Assessment(warehouse, templates, settings, period, rules, issue: true, confirmClock: false, outDir, s.Pdf, DateTime.Now);
            files.AddRange(annual.All);
            log.WriteLine("  " + Messages.AnnualAssessmentWritten(annual.Report.Html, report.AppealNotice.Deadline));
        }

        var (plan, _, logged) = InspectionReport.Generate(warehouse.Connection, s.Resolve(s.Database), key, templates,
            new InspectionReport.Options(month, s.Resolve(s.Restricted), s.InspectionRecipient, s.InspectionPlanSize, s.Pdf, Issue: true),
            new Analytics.FlagSettings());
        files.AddRange(plan.All);
        log.WriteLine("  " + Messages.InspectionPlanWritten(logged!.PlanId, s.Resolve(s.Restricted)));
        return new Counts($"{month:yyyy-MM}", files);
    }
}
