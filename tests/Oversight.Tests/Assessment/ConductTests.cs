using Oversight.Assessment;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Xunit.Abstractions;

namespace Oversight.Tests.Assessment;

/// <summary>Assessments judge conduct, not volume or chance, on the hand-made <see cref="ConductCounty"/>.</summary>
public class ConductTests(ConductCounty county, ITestOutputHelper output) : IClassFixture<ConductCounty>
{
    private static readonly TemplateFolder Templates = new();

    public static readonly TheoryData<string> Schemes = new() { "rules.json", "zhengding-center.json", "staff-rules.json" };

    private (AnnualAssessmentReport Report, AssessmentResult Result) Build(string file, AssessmentPeriod? period = null)
    {
        var built = AnnualAssessmentBuilder.Build(county.W.Connection, period ?? AssessmentPeriod.OfYear(2025),
            ScoringRules.Load(Templates.PathOf(Path.Combine("annual", file))), ReportSettings.Load(Templates), new DateTime(2026, 1, 5), new byte[32]);
        foreach (var s in built.Result.Subjects)
            output.WriteLine($"{s.Subject.Group} {s.Rank} {s.Subject.Name} {s.Score:0.00} [{s.Standing.Low:0.00}, {s.Standing.High:0.00}] 档{s.Standing.Tier} {s.Band} " +
                             string.Join("；", s.Standing.Ineligible));
        return built;
    }

    [Fact]
    public void A_clerk_with_ten_times_the_cases_at_the_same_rates_scores_within_one_point_and_a_clerk_without_cases_is_not_honoured()
    {
        var (report, result) = Build("staff-rules.json");
        var big = result.Subjects.Single(s => s.Subject.Key == ConductCounty.Big + "A1");
        var small = result.Subjects.Single(s => s.Subject.Key == ConductCounty.Big + "A2");
        Assert.True(big.Score < 100 && small.Score < 100, $"both lose points for overdue cases: {big.Score}, {small.Score}");
        Assert.InRange(Math.Abs(big.Score - small.Score), 0, 1);
        // The B-post clerk has no cases: scored on what applies, marked 样本不足, never 优秀, and ranked among B posts only.
        var idle = result.Subjects.Single(s => s.Subject.Key == ConductCounty.Big + "B");
        Assert.Equal("B岗", idle.Subject.Group);
        Assert.Contains(idle.Standing.Ineligible, r => r.Group == "smallSample");
        Assert.NotEqual("优秀", idle.Band);
        Assert.Contains(idle.Quarters[0].Lines, l => l.Notes.OfType<KindNote>().Any(n => n.Text.Contains("此项不适用")));
        Assert.Contains(Method(report), m => m.Contains("A 岗、B 岗") && m.Contains("分别排名"));
        Assert.Contains(report.Ranking, r => r.Group == "B岗" && r.Gate.Contains("样本不足"));
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void The_small_empty_hall_with_perfect_records_gets_no_honour_under_any_shipped_scheme(string file)
    {
        var (report, result) = Build(file);
        var empty = result.Subjects.Where(s => s.Subject.CenterCode == ConductCounty.Empty).ToList();
        Assert.NotEmpty(empty);
        foreach (var s in empty)
        {
            Assert.NotEqual("优秀", s.Band);
            Assert.All(s.Quarters, q => Assert.NotEqual("优秀", q.Band));
            Assert.All(s.Quarters, q => Assert.Contains(q.Standing.Ineligible, r => r is EmptyHallReason));
        }
        Assert.DoesNotContain(result.Honours.Values.SelectMany(h => h), s => s.Subject.CenterCode == ConductCounty.Empty);
        Assert.Contains(Method(report), m => m.StartsWith("可信度门槛", StringComparison.Ordinal) && m.Contains("空壳大厅"));
    }

    /// <summary>一、考核方法's items as the Markdown prints them (worded in annual/sentences.sbn).</summary>
    private static IEnumerable<string> Method(Oversight.Reports.Annual.AnnualAssessmentReport report)
    {
        var md = new Oversight.Reports.TemplateFolder().Render("annual/assessment.md.sbn", report, Oversight.Reports.TextEscaping.Markdown);
        return md[md.IndexOf("## 一、考核方法", StringComparison.Ordinal)..md.IndexOf("## 二、", StringComparison.Ordinal)]
            .Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]);
    }

    [Fact]
    public void Extended_service_counts_only_finishes_more_than_twenty_minutes_after_each_centers_own_closing_time()
    {
        var extended = county.ExtendedService();
        output.WriteLine(string.Join("\n", extended));
        Assert.Equal(
            [(ConductCounty.East, ConductCounty.Day2), (ConductCounty.West, ConductCounty.Day2), (ConductCounty.Early, ConductCounty.Day2),
             (ConductCounty.Late, ConductCounty.Day2)],
            extended.Select(e => (e.Center, e.Day)).ToList());
        Assert.Contains((ConductCounty.Early, ConductCounty.Day2, "下班 17:00，最晚 17:25 办结"), extended);
        Assert.Contains((ConductCounty.Late, ConductCounty.Day2, "下班 17:30，最晚 17:55 办结"), extended);
    }

    [Fact]
    public void Centers_with_equal_scores_share_a_rank_and_the_report_says_so()
    {
        var (report, result) = Build("rules.json");
        var east = result.Subjects.Single(s => s.Subject.Key == ConductCounty.East);
        var west = result.Subjects.Single(s => s.Subject.Key == ConductCounty.West);
        Assert.Equal(east.Score, west.Score, 9);
        Assert.Equal(east.Rank, west.Rank);
        Assert.All(east.Quarters, q => Assert.Equal(q.Rank, west.Quarter(q.Quarter)!.Rank));
        Assert.Equal(east.Band, west.Band);
        Assert.All(report.Ranking.Where(r => r.Code is ConductCounty.East or ConductCounty.West), r => Assert.StartsWith("并列", r.RankText));
        Assert.All(report.Ranking, r => Assert.NotEqual("—", r.Interval));
    }

    [Fact]
    public void A_veto_that_bars_most_centers_is_announced_at_the_top_naming_the_rule_and_the_count()
    {
        var (report, result) = Build("zhengding-center.json", AssessmentPeriod.OfQuarter(2025, 1));
        var veto = result.Vetoes!.Single(v => v.RuleId == "overdue_case");
        Assert.Equal((5, 6), (veto.Vetoed, veto.Subjects));
        var banner = Assert.Single(report.VetoBanners, b => b.Quarter == "第一季度");
        Assert.Equal(("2025", "6", "5", "办件超过时限"), (banner.Year, banner.Subjects, banner.Vetoed, banner.Rule));
        var html = Templates.Render("annual/assessment.html.sbn", report, TextEscaping.Html);
        Assert.True(html.IndexOf("6 个中心中 5 个因", StringComparison.Ordinal) < html.IndexOf("一、考核方法", StringComparison.Ordinal));
        // The default scheme's only veto is a rate: it bars nobody here and is not announced.
        Assert.Empty(Build("rules.json", AssessmentPeriod.OfQuarter(2025, 1)).Report.VetoBanners);
    }

    [Fact]
    public void An_honour_cut_off_inside_a_tie_takes_all_or_none_as_the_rules_say()
    {
        var rows = new[] { ("a", 99.0), ("b", 98.0), ("c", 98.0), ("d", 90.0) }
            .Select(x => new Scorer.Ranked(new AssessedSubject(x.Item1, x.Item1, "c", "c"), x.Item2, x.Item2, x.Item2, [])).ToList();
        var none = Scorer.Award(new RankingSettings(TieAtCutoff: "none"), rows, 2).Select(r => r.S.Key);
        var all = Scorer.Award(new RankingSettings(TieAtCutoff: "all"), rows, 2).Select(r => r.S.Key);
        Assert.Equal(["a"], none);
        Assert.Equal(["a", "b", "c"], all);
        // Intervals that overlap put b, c and d in one 档次 with a: with separation required nobody stands apart.
        var noisy = rows.Select(r => r with { Low = r.Score - 10, High = r.Score + 10 }).ToList();
        Assert.Empty(Scorer.Award(new RankingSettings(), noisy, 2));
    }
}
