using Oversight.Assessment;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Tests.Demo;
using Xunit.Abstractions;

namespace Oversight.Tests.Assessment;

/// <summary>The shipped schemes on the demo county: fair to volume, the planted empty centers at the bottom, every
/// score reproducible from its appendix lines.</summary>
public class DemoAssessmentTests(DemoCountyFixture demo, ITestOutputHelper output) : IClassFixture<DemoCountyFixture>
{
    private static readonly TemplateFolder Templates = new();

    private static (AnnualAssessmentReport Report, AssessmentResult Result) Build(string rulesFile, AssessmentPeriod period) =>
        DemoCountyFixture.Assessment(rulesFile, period);

    public static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        var cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return cov / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }

    [Fact]
    public void The_default_2025_scores_do_not_follow_volume_and_both_planted_empty_centers_are_in_the_bottom_third()
    {
        var (_, result) = Build("rules.json", AssessmentPeriod.OfYear(2025));
        var volume = demo.Warehouse.Query<(string Center, long Cases)>(
            "SELECT center_code, count(*) FROM fct_case WHERE year(accepted_at) = 2025 GROUP BY 1").ToDictionary(r => r.Center, r => (double)r.Cases);
        // Centers with planted problems (empty centers, complaint hotspots, an overdue-prone window in 2025) are worse
        // on purpose, and several are quiet: the scheme's own bias is measured on the ordinary centers.
        var planted = demo.Truth.GetProperty("empty_centers").EnumerateArray()
            .Concat(demo.Truth.GetProperty("complaint_hotspots").EnumerateArray())
            .Concat(demo.Truth.GetProperty("overdue_prone_windows").EnumerateArray()
                .Where(w => string.CompareOrdinal(w.GetProperty("from_month").GetString(), "2025-12") <= 0
                            && string.CompareOrdinal(w.GetProperty("to_month").GetString(), "2025-01") >= 0))
            .Select(p => p.GetProperty("center_code").GetString()).ToHashSet();
        double R(IEnumerable<SubjectScore> set) =>
            Correlation(set.Select(s => volume.GetValueOrDefault(s.Subject.Key)).ToList(), set.Select(s => s.Score).ToList());
        var all = R(result.Subjects);
        var ordinary = R(result.Subjects.Where(s => !planted.Contains(s.Subject.Key)));
        var byVolume = result.Subjects.OrderByDescending(s => volume.GetValueOrDefault(s.Subject.Key)).ToList();
        output.WriteLine($"correlation of the 2025 score with case volume: all {result.Subjects.Count} centers {all:0.00}; " +
                         $"the {result.Subjects.Count(s => !planted.Contains(s.Subject.Key))} without planted problems {ordinary:0.00}; " +
                         $"ten busiest average {byVolume.Take(10).Average(s => s.Score):0.0}, ten quietest {byVolume.TakeLast(10).Average(s => s.Score):0.0}; bands: " +
                         string.Join("，", result.Subjects.GroupBy(s => s.Band).Select(g => $"{g.Key} {g.Count()}")));
        foreach (var s in result.Subjects)
            output.WriteLine($"{s.Rank} {s.Subject.Name} {s.Score:0.0} {s.Band} cases {volume.GetValueOrDefault(s.Subject.Key)}{(planted.Contains(s.Subject.Key) ? " planted" : "")}");
        // With 26 ordinary centers a correlation of ±0.4 arises by chance; the robust check is the size of any volume
        // effect: the busier half of the ordinary centers and the quieter half score within 2 points of each other.
        var ordinaryByVolume = byVolume.Where(s => !planted.Contains(s.Subject.Key)).ToList();
        var half = ordinaryByVolume.Count / 2;
        var gap = ordinaryByVolume.Take(half).Average(s => s.Score) - ordinaryByVolume.TakeLast(half).Average(s => s.Score);
        output.WriteLine($"busier half of the ordinary centers minus the quieter half: {gap:0.00} points");
        Assert.InRange(gap, -2, 2);
        var third = result.Subjects.Count / 3;
        foreach (var empty in demo.Truth.GetProperty("empty_centers").EnumerateArray())
        {
            var rank = result.Subjects.Single(s => s.Subject.Key == empty.GetProperty("center_code").GetString()).Rank;
            Assert.True(rank > result.Subjects.Count - third, $"{empty.GetProperty("center_name").GetString()} ranks {rank} of {result.Subjects.Count}");
        }
        Assert.True(result.Subjects.Select(s => s.Band).Distinct().Count() >= 2, "a realistic county spreads over several bands");
    }

    [Theory]
    [InlineData("rules.json")]
    [InlineData("zhengding-center.json")]
    [InlineData("staff-rules.json")]
    public void Every_quarter_score_equals_the_base_plus_its_appendix_lines_and_the_year_their_mean(string rulesFile)
    {
        var (report, result) = Build(rulesFile, AssessmentPeriod.OfYear(2025));
        Assert.Equal([1, 2, 3, 4], result.Quarters);
        foreach (var s in result.Subjects)
        {
            foreach (var q in s.Quarters)
                Assert.Equal(Math.Max(q.Floored ? 0 : double.NegativeInfinity, 100 + q.Lines.Sum(l => l.Points)), q.Score, 9);
            Assert.Equal(s.Quarters.Average(x => x.Score), s.Score, 9);
        }
        Assert.Equal(result.Subjects.Sum(s => s.Lines.Count()), report.Appendix.SelectMany(c => c.Quarters).SelectMany(q => q.Lines).Count());
        output.WriteLine($"{rulesFile}: {result.Subjects.Count} subjects; " + string.Join("，", result.Subjects.GroupBy(s => s.Band).Select(g => $"{g.Key} {g.Count()}")));
    }

    [Fact]
    public void The_staff_scheme_keeps_each_part_within_its_points_and_gives_at_most_ten_excellent_per_post_all_eligible()
    {
        var rules = ScoringRules.Load(Templates.PathOf(Path.Combine("annual", "staff-rules.json")));
        var (_, result) = Build("staff-rules.json", AssessmentPeriod.OfQuarter(2026, 3));
        var active = demo.Warehouse.Scalar<long>(
            "SELECT count(*) FROM dim_staff WHERE window_code IS NOT NULL AND coalesce(active_from, DATE '1900-01-01') <= DATE '2026-09-30' AND coalesce(active_to, DATE '9999-12-31') >= DATE '2026-07-01'");
        Assert.Equal(active, result.Subjects.Count);
        var partOf = rules.Rules.ToDictionary(r => r.Id, r => rules.Parts!.Single(p => p.Id == r.Part));
        foreach (var s in result.Subjects)
            foreach (var part in rules.Parts!)
                Assert.True(-s.Lines.Where(l => partOf[l.RuleId] == part && l.Points < 0).Sum(l => l.Points) <= part.Points + 1e-9);
        var excellent = result.Subjects.Where(s => s.Band == "优秀").ToList();
        Assert.All(excellent.GroupBy(s => s.Subject.Group), g => Assert.InRange(g.Count(), 0, 10));
        Assert.All(excellent, s => Assert.True(s.Score >= 90 && s.Standing.Eligible));
        // A clerk who handled fewer than 30 cases (most B posts) is scored on what applies but never 优秀.
        Assert.Contains(result.Subjects, s => s.Standing.Ineligible.Any(r => r.Group == "smallSample"));
        Assert.Contains(result.Subjects, s => s.Lines.Any(l => l.Notes.Any(n => n is PartUsedUpNote)) || s.Score < 90);
        output.WriteLine(string.Join("，", result.Subjects.GroupBy(s => s.Band).Select(g => $"{g.Key} {g.Count()}")));
    }

    [Fact]
    public void The_demo_loads_assessment_events_of_its_own_kinds()
    {
        Assert.True(demo.Warehouse.Scalar<long>("SELECT count(*) FROM api.assessment_events") > 1000);
        Assert.True(demo.Warehouse.Scalar<long>("SELECT count(DISTINCT kind) FROM api.assessment_events") >= 10);
    }
}
