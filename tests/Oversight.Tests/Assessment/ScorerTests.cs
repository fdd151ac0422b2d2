using Oversight.Assessment;
using Oversight.Reports;

namespace Oversight.Tests.Assessment;

/// <summary>The default 100-point scheme applied to hand-made evidence.</summary>
public class ScorerTests
{
    private static readonly ScoringRules Default = ScoringRules.Load(new TemplateFolder().PathOf(Path.Combine("annual", "rules.json")));
    private static readonly AssessedCenter Shahe = new("511922101", "沙河镇", "张三");

    private static Evidence E(string source, string id, string date, string? attribute = null, double quantity = 1, Appeal? appeal = null)
    {
        var d = DateOnly.Parse(date);
        return new Evidence(source, id, Shahe.Code, d, (d.Month - 1) / 3 + 1, attribute, quantity, appeal?.Action == "withdraw" ? 0 : quantity, appeal);
    }

    private static CenterScore ScoreOne(params Evidence[] evidence) =>
        Scorer.Score(Default, [Shahe], evidence, quartersBegun: 1).Single();

    [Fact]
    public void Each_rule_of_the_default_scheme_gives_its_points()
    {
        var s = ScoreOne(
            E("投诉", "P1", "2025-01-10", "服务态度"),    // −3
            E("投诉", "P2", "2025-01-11", "办理超时"),    // −3 −3 (handling error)
            E("投诉", "P3", "2025-01-12", "吃拿卡要"),    // −3 −10
            E("回访", "K1", "2025-01-13", "不满意"),      // −1
            E("回访", "K2", "2025-01-14", "非常不满意"),  // −3
            E("视频抽查", "V1", "2025-01-15", "离岗"),    // −3
            E("视频抽查", "V2", "2025-01-16", "着装不规范"), // no rule: no line
            E("办件", "C1", "2025-01-17", quantity: 4));   // −8
        Assert.Equal(100 - 3 - 6 - 13 - 1 - 3 - 3 - 8, s.QuarterScores[0]);
        Assert.DoesNotContain(s.Lines, l => l.RecordId == "V2");
        Assert.Equal(["upheld", "bribery"], s.Lines.Where(l => l.RecordId == "P3").Select(l => l.RuleId));
    }

    [Fact]
    public void An_overdue_case_loses_at_most_the_cap_per_case_and_the_line_says_so()
    {
        var line = Assert.Single(ScoreOne(E("办件", "C1", "2025-02-03", quantity: 15)).Lines);
        Assert.Equal(-20, line.Points);
        Assert.Contains("单条封顶", line.Note);
    }

    [Fact]
    public void Extended_hours_earn_points_up_to_the_quarterly_cap_and_later_days_show_zero()
    {
        var days = Enumerable.Range(1, 7).Select(i => E("延时服务", $"511922101:2025-03-0{i}", $"2025-03-0{i}")).ToArray();
        var s = ScoreOne(days);
        Assert.Equal([2, 2, 2, 2, 2, 0, 0], s.Lines.Select(l => l.Points));
        Assert.Equal(110, s.QuarterScores[0]);
        Assert.Contains("已达本季度上限", s.Lines[^1].Note);
    }

    [Fact]
    public void A_quarter_cannot_fall_below_the_floor_however_much_is_deducted()
    {
        var cases = Enumerable.Range(1, 8).Select(i => E("办件", $"C{i}", "2025-01-20", quantity: 10)).ToArray();
        Assert.Equal(0, ScoreOne(cases).QuarterScores[0]); // 8 × −20 = −160 below 100
    }

    [Fact]
    public void The_year_is_the_mean_of_the_quarters_begun()
    {
        var s = Scorer.Score(Default, [Shahe], [E("办件", "C1", "2025-01-20", quantity: 5), E("投诉", "P1", "2025-05-02", "其他")], quartersBegun: 3).Single();
        Assert.Equal([90, 97, 100, null], s.QuarterScores);
        Assert.Equal((90 + 97 + 100) / 3.0, s.YearScore, 9);
    }

    [Fact]
    public void Excellent_needs_both_90_points_and_a_top_10_place()
    {
        var centers = Enumerable.Range(0, 12).Select(i => new AssessedCenter($"5119221{i:D2}", $"中心{i}", null)).ToList();
        var evidence = centers.Select((c, i) => new Evidence("投诉", $"P{i}", c.Code, new DateOnly(2025, 1, 5), 1, "其他", 1, 1))
            .Where((_, i) => i >= 10).ToList(); // centers 10 and 11 lose 3 points: 97
        var scores = Scorer.Score(Default, centers, evidence, 4);
        Assert.All(scores.Where(s => s.Rank <= 10), s => Assert.Equal("优秀", s.Band));
        Assert.All(scores.Where(s => s.Rank > 10), s => Assert.Equal("称职", s.Band));
    }

    [Fact]
    public void A_withdrawn_record_stays_in_the_appendix_with_zero_points_and_the_appeal_named()
    {
        var appeal = new Appeal(7, "withdraw", "系群众误解，经核实不属实", "县政务服务管理局 李四", new DateOnly(2025, 4, 2));
        var s = ScoreOne(E("投诉", "P1", "2025-01-10", "吃拿卡要", appeal: appeal));
        Assert.Equal(100, s.QuarterScores[0]);
        Assert.All(s.Lines, l => Assert.Equal(0, l.Points));
        Assert.All(s.Lines, l => Assert.Contains("经复核撤销（第 7 号", l.Note));
    }

    [Fact]
    public void A_rules_file_mistake_names_the_file_and_line()
    {
        using var dir = new TempDir();
        var path = dir.File("rules.json");
        File.WriteAllText(path, "{\n  \"base_points\": 100,\n  \"rules\": [ { \"id\": \"x\", \"source\": \"投诉\", \"label\": \"x\", \"points_per_unit\": -3 }\n  \"bands\": []\n}");
        var error = Assert.Throws<AssessmentException>(() => ScoringRules.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("第 4 行", error.Message);

        File.WriteAllText(path, """{ "base_points": 100, "rules": [ { "id": "x", "source": "电话", "label": "x", "points_per_unit": -3 } ], "bands": [ { "name": "合格" } ] }""");
        Assert.Contains("source “电话”不对", Assert.Throws<AssessmentException>(() => ScoringRules.Load(path)).Message);
    }
}
