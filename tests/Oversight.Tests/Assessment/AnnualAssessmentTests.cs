using Oversight.Assessment;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Tests.Demo;

namespace Oversight.Tests.Assessment;

/// <summary>The annual assessment from the warehouse: evidence, appeals, and the appendix that proves every score.</summary>
public class AnnualAssessmentTests : IDisposable
{
    private static readonly ScoringRules Rules = ScoringRules.Load(new TemplateFolder().PathOf(Path.Combine("annual", "rules.json")));
    private readonly TestWarehouse _w = new();

    public AnnualAssessmentTests()
    {
        _w.WriteReferenceFeeds();
        _w.WriteCsv("cases.csv", """
            case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status
            A,511922001,W001,I05,承诺件,窗口,2025-03-02 09:00,2025-03-12 10:00,已办结
            B,511922001,W002,I00,即办件,窗口,2025-03-08 10:00,2025-03-08 10:10,已办结
            """);
        _w.WriteCsv("complaints.csv", """
            complaint_id,received_at,source,center_code,category,content,verdict
            P1,2025-05-06 09:00,12345热线,511922001,吃拿卡要,<b>索要好处</b>,属实
            P2,2025-05-07 09:00,12345热线,511922101,服务态度,态度差,不属实
            """);
        _w.Ingest();
    }

    public void Dispose() => _w.Dispose();

    private (AnnualAssessmentReport Report, IReadOnlyList<CenterScore> Scores) Build() =>
        AnnualAssessmentBuilder.Build(_w.Connection, 2025, Rules, ReportSettings.Load(new TemplateFolder()), new DateTime(2026, 1, 5));

    [Fact]
    public void Evidence_comes_from_the_records_with_their_ids_and_dates()
    {
        var (_, scores) = Build();
        var jizhou = scores.Single(s => s.Center.Code == "511922001");
        // A: accepted on Sunday 2 Mar 2025, due 7 Mar, done 12 Mar = 3 working days late: −6 in Q1.
        // A and B were taken on rest days (Sunday 2 and Saturday 8 March): +2 each for extended hours.
        // P1: 吃拿卡要 upheld: −3 −10 in Q2.
        Assert.Equal([98.0, 87.0, 100.0, 100.0], jizhou.QuarterScores);
        Assert.Contains(jizhou.Lines, l => l is { Source: "办件", RecordId: "A", Points: -6 });
        Assert.Contains(jizhou.Lines, l => l is { Source: "延时服务", RecordId: "511922001:2025-03-08", Points: 2 });
        Assert.Equal(100.0, scores.Single(s => s.Center.Code == "511922101").YearScore); // P2 was not upheld
    }

    [Fact]
    public void An_appeal_withdraws_evidence_without_deleting_it_and_the_report_shows_it()
    {
        var id = Appeals.Add(_w.Connection, "投诉", "P1", null, "经复查系误会", "县纪委 王五", new DateOnly(2026, 1, 10));
        var (report, scores) = Build();
        Assert.Equal([98.0, 100.0, 100.0, 100.0], scores.Single(s => s.Center.Code == "511922001").QuarterScores);
        Assert.Equal(1L, _w.Scalar<long>("SELECT count(*) FROM fct_complaint WHERE complaint_id = 'P1'"));
        var appeal = Assert.Single(report.Appeals);
        Assert.Equal((id, "P1", "撤销该条证据"), (appeal.AppealId, appeal.RecordId, appeal.Decision));

        Appeals.Add(_w.Connection, "办件", "A", 1, "申请人补正材料 2 个工作日应扣除", "县政务服务管理局 赵六", new DateOnly(2026, 1, 11));
        Assert.Equal(102.0, Build().Scores.Single(s => s.Center.Code == "511922001").QuarterScores[0]); // −2 instead of −6
    }

    [Fact]
    public void An_appeal_on_a_record_that_is_not_evidence_is_refused_in_plain_chinese()
    {
        var error = Assert.Throws<AssessmentException>(() =>
            Appeals.Add(_w.Connection, "投诉", "P2", null, "理由", "批准人", new DateOnly(2026, 1, 10)));
        Assert.Contains("考核证据中没有投诉记录“P2”", error.Message);
    }

    [Fact]
    public void The_rendered_assessment_escapes_citizen_text_and_lists_every_center()
    {
        var (report, _) = Build();
        var files = ReportWriter.Write(new TemplateFolder(), "annual/assessment", report, Path.Combine(_w.Root, "out"), "a", pdf: false);
        var html = File.ReadAllText(files.Html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<tr data-center=").Count);
        Assert.Contains("P1", html);
        Assert.DoesNotContain("<b>索要好处</b>", html);
    }
}

/// <summary>On the demo county: every score is reproducible from the appendix lines.</summary>
[Collection(DemoCountyCollection.Name)]
public class DemoAssessmentTests(DemoCountyFixture demo)
{
    [Fact]
    public void Every_quarter_score_equals_the_base_plus_its_appendix_lines_and_the_year_their_mean()
    {
        var rules = ScoringRules.Load(new TemplateFolder().PathOf(Path.Combine("annual", "rules.json")));
        var (report, scores) = AnnualAssessmentBuilder.Build(demo.Warehouse.Connection, 2025, rules, ReportSettings.Load(new TemplateFolder()), DateTime.Now);
        Assert.Equal(32, report.Ranking.Count);
        foreach (var s in scores)
        {
            for (var q = 1; q <= 4; q++)
                Assert.Equal(Math.Max(0, 100 + s.Lines.Where(l => l.Quarter == q).Sum(l => l.Points)), s.QuarterScores[q - 1]!.Value, 9);
            Assert.Equal(s.QuarterScores.Average(x => x!.Value), s.YearScore, 9);
        }
        // The appendix as printed adds up too: its lines' points are the ones scored.
        var printed = report.Appendix.SelectMany(c => c.Quarters).SelectMany(q => q.Lines).Count();
        Assert.Equal(scores.Sum(s => s.Lines.Count), printed);
        Assert.True(scores.Select(s => s.Band).Distinct().Count() >= 2, "a realistic county spreads over several bands");
    }
}
