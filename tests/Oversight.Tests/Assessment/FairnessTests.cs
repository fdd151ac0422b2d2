using Oversight.Assessment;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Xunit.Abstractions;

namespace Oversight.Tests.Assessment;

/// <summary>The default scheme for township heads judges performance, not workload: on a hand-made county (not the
/// demo), centers that differ only in volume score alike, and a center that exists on paper ends at the bottom.</summary>
public class FairnessTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private AssessmentResult Score()
    {
        var templates = new TemplateFolder();
        var rules = ScoringRules.Load(templates.PathOf(Path.Combine("annual", "rules.json")));
        var result = AnnualAssessmentBuilder.Build(_w.Connection, AssessmentPeriod.OfYear(2025), rules, ReportSettings.Load(templates),
            new DateTime(2026, 1, 5), new byte[32]).Result;
        foreach (var s in result.Subjects)
            output.WriteLine($"{s.Rank} {s.Subject.Name} {s.Score:0.00} {string.Join(" ", s.Quarters.Select(q => q.Score.ToString("0.00")))}");
        return result;
    }

    [Fact]
    public void Two_centers_with_the_same_rates_and_ten_times_the_volume_score_within_one_point_and_an_empty_center_ends_last()
    {
        HandMadeCounty.Write(_w, [
            new CenterSpec("130123101", "大镇", 1500, OverdueShare: 0.06, BadShare: 0.06, UpheldPer1000: 10, VideoViolations: 3, UnreachedShare: 0.1),
            new CenterSpec("130123102", "小镇", 150, OverdueShare: 0.06, BadShare: 0.06, UpheldPer1000: 10, VideoViolations: 3, UnreachedShare: 0.1),
            new CenterSpec("130123103", "中镇", 1000, OverdueShare: 0.02, BadShare: 0.02, UpheldPer1000: 2),
            new CenterSpec("130123104", "东镇", 600, OverdueShare: 0.03, BadShare: 0.03, UpheldPer1000: 5, VideoViolations: 2),
            new CenterSpec("130123105", "西镇", 300, OverdueShare: 0.01, BadShare: 0.04, UpheldPer1000: 0),
            new CenterSpec("130123106", "空镇", 120, OverdueShare: 0.0, BadShare: 0.0, UpheldPer1000: 0, VideoViolations: 15,
                BackfilledShare: 0.4, UnreachedShare: 0.5),
        ]);
        _w.Ingest();
        var result = Score();
        var big = result.Subjects.Single(s => s.Subject.Name == "大镇");
        var small = result.Subjects.Single(s => s.Subject.Name == "小镇");
        Assert.True(big.Score < 95, $"both are worse than the county: {big.Score}"); // the test means something only if they lose points
        Assert.InRange(Math.Abs(big.Score - small.Score), 0, 1);
        Assert.Equal("空镇", result.Subjects[^1].Subject.Name);
    }
}
