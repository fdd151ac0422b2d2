using DuckDB.NET.Data;
using Oversight.Assessment;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Reports.Inspection;
using Oversight.Reports.Monthly;

namespace Oversight.Jobs;

/// <summary>The run on the 1st: the monthly briefing for the month just ended (and in January the annual assessment
/// of the year just ended) to the reports folder; the inspection plan for the new month to the restricted folder.</summary>
public static class MonthlyWork
{
    public sealed record Counts(string Month, IReadOnlyList<string> Files);

    public static Counts Run(DuckDBConnection c, ServiceSettings s, byte[] key, DateTime scheduledFor, TextWriter log)
    {
        var month = new DateOnly(scheduledFor.Year, scheduledFor.Month, 1).AddMonths(-1);
        var templates = new TemplateFolder(s.Templates is null ? null : s.Resolve(s.Templates));
        var settings = ReportSettings.Load(templates);
        var outDir = s.Resolve(s.Reports);
        var files = new List<string>();

        var briefing = MonthlyBriefingBuilder.Build(c, month, settings, DateTime.Now);
        var written = MonthlyReport.Write(templates, briefing, outDir, MonthlyReport.FileBase(month), s.Pdf);
        files.AddRange(written.All);
        log.WriteLine($"  月度通报：{written.Report.Html}" + (written.Report.PdfNote is null ? "" : $"（{written.Report.PdfNote}）"));

        if (month.Month == 12)
        {
            var rules = ScoringRules.Load(s.ScoringRules is null ? templates.PathOf(Path.Combine("annual", "rules.json")) : s.Resolve(s.ScoringRules));
            var (report, _) = AnnualAssessmentBuilder.Build(c, month.Year, rules, settings, DateTime.Now);
            var annual = AssessmentReport.Write(templates, report, outDir, $"年度考核_{month.Year}", s.Pdf);
            files.AddRange(annual.All);
            log.WriteLine($"  年度考核：{annual.Report.Html}");
        }

        var (plan, _, logged) = InspectionReport.Generate(c, s.Resolve(s.Database), key, templates,
            new InspectionReport.Options(month, s.Resolve(s.Restricted), s.InspectionRecipient, s.InspectionPlanSize, s.Pdf),
            new Analytics.FlagSettings(OverdueThreshold: s.OverdueThreshold));
        files.AddRange(plan.All);
        log.WriteLine($"  暗访工作提示（第 {logged.PlanId} 份）已写入受限目录 {s.Resolve(s.Restricted)}");
        return new Counts($"{month:yyyy-MM}", files);
    }
}
