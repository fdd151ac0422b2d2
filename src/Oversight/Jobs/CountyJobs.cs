using Oversight.Assessment;
using Oversight.Ingest;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Reports.Issuing;
using Oversight.Reports.Monthly;
using Oversight.Warehouse;

namespace Oversight.Jobs;

/// <summary>The steps the CLI and the nightly service both run, defined once: the CLI parses options, shows progress
/// and sets exit codes around them; the service schedules them and logs. Each takes the warehouse as both open it,
/// with its county folder (what an issue records). (The inspection plan's one step is
/// <see cref="Reports.Inspection.InspectionReport.Generate"/>.)</summary>
public static class CountyJobs
{
    /// <summary>Loads the inbox, one transaction per file.</summary>
    public static IngestReport Ingest(CountyWarehouse warehouse, byte[] key, IngestOptions options, IProgress<string>? progress, CancellationToken ct) =>
        new Ingestor(warehouse.Connection, key).Run(options, progress, ct);

    /// <summary>The monthly briefing written to <paramref name="outDir"/>: issued (文号, 成文日期, settings recorded) when
    /// <paramref name="issue"/> is given, else a draft that takes nothing.</summary>
    public static (MonthlyBriefing Briefing, MonthlyReport.Files Files) MonthlyBriefing(CountyWarehouse warehouse, TemplateFolder templates,
        ReportSettings settings, Calendar.Month month, IssueRequest? issue, string outDir, bool pdf, DateTime now)
    {
        var briefing = issue is null
            ? MonthlyBriefingBuilder.Build(warehouse.Connection, month, settings, now)
            : MonthlyIssue.Issue(warehouse.Connection, warehouse.County, month.FirstDay, settings, issue, now, templates).Briefing;
        return (briefing, MonthlyReport.Write(templates, briefing, outDir, MonthlyReport.FileBase(month, briefing.Form.IsDraft), pdf));
    }

    /// <summary>An assessment written to <paramref name="outDir"/>: issued (scores saved, publicity period started)
    /// when <paramref name="issue"/>, else a draft that saves nothing.</summary>
    public static (AnnualAssessmentReport Report, AssessmentResult Result, AssessmentReport.Files Files) Assessment(CountyWarehouse warehouse,
        TemplateFolder templates, ReportSettings settings, AssessmentPeriod period, ScoringRules rules, bool issue, bool confirmClock,
        string outDir, bool pdf, DateTime now)
    {
        var (report, result) = issue
            ? IssuedParts(AssessmentIssue.Issue(warehouse.Connection, warehouse.County, period, rules, settings, now, confirmClock))
            : AnnualAssessmentBuilder.Build(warehouse.Connection, period, rules, settings, now);
        return (report, result, AssessmentReport.Write(templates, report, outDir, AssessmentIssue.FileBase(rules, period, draft: !issue), pdf));
    }

    private static (AnnualAssessmentReport, AssessmentResult) IssuedParts(AssessmentIssue.IssuedAssessment issued) => (issued.Report, issued.Result);
}
