using Oversight.Assessment;
using Oversight.Privacy;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Reports.Docx;
using Oversight.Reports.Inspection;
using Oversight.Reports.Issuing;
using Oversight.Reports.Monthly;
using Oversight.Tests.Demo;

namespace Oversight.Tests.Reports;

// TEMPORARY (not committed): dumps the demo's documents for a before/after diff.
[Collection(DemoCountyCollection.Name)]
public class WordingDump(DemoCountyFixture demo)
{
    [Fact]
    public void Dump()
    {
        var dir = Environment.GetEnvironmentVariable("WORDING_DUMP")!;
        Directory.CreateDirectory(dir);
        var now = new DateTime(2026, 11, 24, 6, 0, 0);
        var templates = new TemplateFolder();
        var settings = ReportSettings.Load(templates);
        foreach (var month in new[] { new DateOnly(2026, 10, 1), new DateOnly(2026, 3, 1) })
        {
            var draft = MonthlyBriefingBuilder.Build(demo.Warehouse.Connection, Oversight.Calendar.Month.Of(month), settings, now);
            var issued = draft with { Form = MonthlyBriefingBuilder.FormOf(settings, draft.CountyName, new IssuedNumber("南政务监〔2026〕7号", DateOnly.FromDateTime(now))) };
            var tag = month.ToString("yyyy-MM");
            MonthlyReport.Write(templates, issued, Path.Combine(dir, "monthly-" + tag), "通报", pdf: false);
            MonthlyReport.Write(templates, draft, Path.Combine(dir, "monthly-draft-" + tag), "通报", pdf: false);
            CenterPacks.Write(templates, issued, Path.Combine(dir, "packs-" + tag), Oversight.Calendar.Month.Of(month));
            File.WriteAllText(Path.Combine(dir, "named-" + tag + ".txt"), string.Join("\n", MonthlyBriefingBuilder.NamedProblems(demo.Warehouse.Connection, month).Select(n => $"{n.Kind}|{n.CenterCode}|{MonthlyWording.Sentence(templates, n.Line)}|{string.Join(",", n.RecordIds)}")));
            File.WriteAllText(Path.Combine(dir, "monthly-" + tag + ".docx.xml"), DocxReport.Render(templates, "monthly/briefing", issued with { WorkbookFile = "通报.xlsx" })!.ToString());
        }
        foreach (var (rules, name) in new[] { ("rules.json", "annual"), ("staff-rules.json", "staff") })
        {
            var scoring = ScoringRules.Load(templates.PathOf(Path.Combine("annual", rules)));
            var (draft, _) = AnnualAssessmentBuilder.Build(demo.Warehouse.Connection, 2025, scoring, settings, now);
            var report = draft with { IsDraft = false, Form = AnnualAssessmentBuilder.Form(settings, draft.CountyName, DateOnly.FromDateTime(now)) };
            AssessmentReport.Write(templates, report, Path.Combine(dir, name), name, pdf: false);
            AssessmentReport.Write(templates, draft, Path.Combine(dir, name + "-draft"), name, pdf: false);
            File.WriteAllText(Path.Combine(dir, name + ".docx.xml"), DocxReport.Render(templates, "annual/assessment", report)!.ToString());
        }
        var files = InspectionReport.Generate(demo.Warehouse.Connection, demo.Warehouse.DbPath, KeyFile.Load(demo.Warehouse.DbPath), templates,
            new InspectionReport.Options(new DateOnly(2026, 10, 1), Path.Combine(dir, "restricted"), "县纪委监委第二监督检查室", 8, Pdf: false, Issuer: "县纪委监委 测试", Issue: false)).Files;
    }
}
