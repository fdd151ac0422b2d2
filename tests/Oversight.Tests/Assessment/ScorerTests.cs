using Oversight.Assessment;
using Oversight.Reports;

namespace Oversight.Tests.Assessment;

/// <summary>Each kind of rule on hand-made evidence, checked to the point.</summary>
public class ScorerTests : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly SampleDraw Draw = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public void Dispose() => _dir.Dispose();

    private ScoringRules Rules(string rulesJson, string extra = "", string bands = """[ { "name": "优秀", "min_score": 90, "top_n": 2, "requires_qualified": true }, { "name": "合格" } ]""")
    {
        var path = _dir.File($"rules{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""
            {
              "name": "测试方案",
              "description": "测试",
              "base_points": 100,
              {{extra}}
              "rules": {{rulesJson}},
              "bands": {{bands}}
            }
            """);
        return ScoringRules.Load(path);
    }

    /// <summary>The rule kind's own account of a line (its other notes are facts, worded by the annual partial).</summary>
    private static string KindText(ScoreLine line) => string.Join("；", line.Notes.OfType<KindNote>().Select(n => n.Text));

    private static AssessedSubject S(string key) => new(key, "中心" + key, key, "中心" + key, "乡镇长" + key);

    private static Evidence E(string subject, string source, string id, string date, string? attribute = null, double quantity = 1, Appeal? appeal = null)
    {
        var d = DateOnly.Parse(date);
        return new Evidence(source, id, subject, d, (d.Month - 1) / 3 + 1, attribute, quantity,
            appeal?.Action == "withdraw" ? 0 : quantity, appeal, subject);
    }

    private static AssessmentResult Score(ScoringRules rules, IReadOnlyList<AssessedSubject> subjects, IReadOnlyList<Evidence> evidence,
        IReadOnlyList<Volume>? volumes = null, int[]? quarters = null) =>
        Scorer.Score(rules, subjects, evidence, volumes ?? [], 2025, quarters ?? [1], Draw);

    [Fact]
    public void A_per_record_rule_scores_each_record_with_its_caps_per_record_and_per_quarter()
    {
        var rules = Rules("""
            [ { "id": "overdue", "source": "办件", "label": "超期", "points_per_unit": -2, "unit": "工作日", "cap_per_record": -10, "cap_per_quarter": -15 },
              { "id": "upheld", "source": "投诉", "label": "属实投诉", "attributes": ["服务态度"], "points_per_unit": -3 } ]
            """);
        var result = Score(rules, [S("A")], [
            E("A", "办件", "C1", "2025-01-10", quantity: 3),   // −6
            E("A", "办件", "C2", "2025-01-11", quantity: 9),   // −18 → −10 (per record)
            E("A", "办件", "C3", "2025-01-12", quantity: 2),   // −4 → −(15 − 16)… only 0 left? 6 + 10 = 16 > 15: −15 reached at C2
            E("A", "投诉", "P1", "2025-02-01", "服务态度"),      // −3
            E("A", "投诉", "P2", "2025-02-02", "其他"),          // no rule
        ]);
        var s = Assert.Single(result.Subjects);
        Assert.Equal([-6, -9, 0, -3], s.Lines.Select(l => l.Points));
        Assert.Equal(new LineNote[] { new CapPerRecordNote("-10"), new CapPerQuarterNote("-15") }, s.Lines.ElementAt(1).Notes);
        Assert.Equal(100 - 6 - 9 - 3, s.Score);
    }

    [Fact]
    public void A_rate_rule_deducts_per_percentage_point_above_the_county_and_nothing_below_it()
    {
        var rules = Rules("""
            [ { "id": "overdue_rate", "kind": "rate", "source": "办件", "label": "超期率", "denominator": "办结", "per": "percentage_point", "points_per_unit": -1 } ]
            """);
        // A: 10 of 200 = 5%; B: 2 of 200 = 1%; county 12 of 400 = 3%. A is 2 points above: −2; B below: 0.
        var evidence = Enumerable.Range(0, 10).Select(i => E("A", "办件", $"A{i}", "2025-02-01", quantity: 4))
            .Concat(Enumerable.Range(0, 2).Select(i => E("B", "办件", $"B{i}", "2025-02-01"))).ToList();
        var result = Score(rules, [S("A"), S("B")], evidence, [new("A", 1, "办结", 200), new("B", 1, "办结", 200)]);
        var a = result.Subjects.Single(s => s.Subject.Key == "A");
        Assert.Equal(98, a.Score, 9);
        Assert.Equal(100, result.Subjects.Single(s => s.Subject.Key == "B").Score, 9);
        var rate = a.Lines.Single(l => l.RecordId == "（比率）");
        // 10 of 200 = 5% against the county's 3%: 2 points above (worded by the annual partial's line_note).
        Assert.Equal(new RateNote("超期率", "10", true, "办结", "200", "5", "percentage_point", null, "5", false, "3", "above", "2"), rate.Notes.Single());
        Assert.All(a.Lines.Where(l => l.RecordId != "（比率）"), l => Assert.Equal(0, l.Points)); // records listed, counted in the rate
        Assert.Equal(10, a.Lines.Count(l => l.RecordId != "（比率）"));
    }

    [Fact]
    public void A_rate_rule_per_1000_cases_with_a_target_and_a_prior_weight_pulls_small_samples_towards_the_county()
    {
        var rules = Rules("""
            [ { "id": "upheld", "kind": "rate", "source": "投诉", "label": "属实投诉", "denominator": "办件", "per": "per_1000",
                "points_per_unit": -2, "target": 1, "prior_weight": 100, "cap_per_quarter": -15 } ]
            """);
        // A: 3 upheld in 1,000 cases; B: 1 in 100. County: 4 / 1,100. With 100 cases of prior weight:
        // A (3 + 100 × 4/1100) / 1100 × 1000 = 3.0579‰ → 2.0579 above the 1‰ target → −4.12;
        // B (1 + 0.3636) / 200 × 1000 = 6.818‰ → 5.818 above → −11.64.
        var evidence = new[] { E("A", "投诉", "P1", "2025-01-05"), E("A", "投诉", "P2", "2025-01-06"), E("A", "投诉", "P3", "2025-01-07"), E("B", "投诉", "P4", "2025-01-08") };
        var result = Score(rules, [S("A"), S("B")], evidence, [new("A", 1, "办件", 1000), new("B", 1, "办件", 100)]);
        Assert.Equal(100 - 2 * ((3 + 100 * 4.0 / 1100) / 1100 * 1000 - 1), result.Subjects.Single(s => s.Subject.Key == "A").Score, 6);
        Assert.Equal(100 - 2 * ((1 + 100 * 4.0 / 1100) / 200 * 1000 - 1), result.Subjects.Single(s => s.Subject.Key == "B").Score, 6);
    }

    [Fact]
    public void A_sample_rule_draws_n_records_per_subject_and_quarter_reproducibly_lists_them_and_scores_only_the_drawn()
    {
        var rules = Rules("""
            [ { "id": "sample", "kind": "sample", "source": "回访", "label": "回访抽查不满意", "sample_size": 5,
                "population": ["满意", "不满意"], "attributes": ["不满意"], "points_per_unit": -3 } ]
            """);
        var evidence = Enumerable.Range(0, 40).Select(i => E("A", "回访", $"K{i:D2}", "2025-03-01", i % 2 == 0 ? "不满意" : "满意"))
            .Append(E("A", "回访", "K99", "2025-03-01", "未接通")).ToList();
        var first = Score(rules, [S("A")], evidence).Subjects.Single();
        var again = Score(rules, [S("A")], evidence.AsEnumerable().Reverse().ToList()).Subjects.Single();
        var drawn = first.Lines.Select(l => l.RecordId).ToList();
        Assert.Equal(5, drawn.Count);
        Assert.Equal(drawn, again.Lines.Select(l => l.RecordId)); // same data, same key: same draw, whatever the order
        Assert.DoesNotContain("K99", drawn);                          // outside the population
        var dissatisfied = first.Lines.Count(l => int.Parse(l.RecordId[1..]) % 2 == 0);
        Assert.Equal(100 - 3 * dissatisfied, first.Score);
        Assert.All(first.Lines, l => Assert.Contains("随机抽取第", KindText(l)));
        Assert.Contains("本季度共 40 条可抽", KindText(first.Lines.First()));

        var other = Scorer.Score(rules, [S("A")], evidence, [], 2025, [1], new SampleDraw(new byte[32])).Subjects.Single();
        Assert.NotEqual(drawn, other.Lines.Select(l => l.RecordId)); // another deployment key draws others
    }

    [Fact]
    public void Deductions_within_a_part_stop_at_its_points_and_other_parts_are_untouched()
    {
        var rules = Rules("""
            [ { "id": "attitude", "part": "conduct", "source": "投诉", "label": "服务态度", "points_per_unit": -4 },
              { "id": "late", "part": "attendance", "source": "考核记录", "label": "迟到", "attributes": ["迟到早退"], "points_per_unit": -1 } ]
            """, """ "parts": [ { "id": "conduct", "label": "思想品德", "points": 10 }, { "id": "attendance", "label": "出勤值勤", "points": 20 } ], """);
        var evidence = Enumerable.Range(1, 4).Select(i => E("A", "投诉", $"P{i}", $"2025-01-0{i}"))   // −4 −4 −2 0: part of 10 used up
            .Append(E("A", "考核记录", "E1", "2025-01-09", "迟到早退", quantity: 3)).ToList();           // −3
        var s = Score(rules, [S("A")], evidence).Subjects.Single();
        Assert.Equal([-4, -4, -2, 0, -3], s.Lines.Select(l => l.Points));
        Assert.Equal(new LineNote[] { new PartUsedUpNote("思想品德", "10", "-4") }, s.Lines.ElementAt(2).Notes);
        Assert.Equal(100 - 10 - 3, s.Score);
    }

    [Fact]
    public void A_disqualifying_record_costs_no_points_but_bars_the_top_band_and_the_honour_list_and_an_appeal_lifts_it()
    {
        var rules = Rules("""
            [ { "id": "upheld", "kind": "disqualify", "source": "投诉", "label": "投诉属实" },
              { "id": "letter", "source": "考核记录", "label": "表扬信", "attributes": ["表扬信"], "points_per_unit": 5 } ]
            """, """ "honour": { "name": "红旗窗口", "top_n": 1 }, """);
        // Two subjects: a third with B's score would tie B at the honour's cut-off, and a tie is never broken by code.
        var subjects = new[] { S("A"), S("B") };
        var evidence = new List<Evidence> { E("A", "投诉", "P1", "2025-02-01"), E("A", "考核记录", "L1", "2025-02-02", "表扬信") };
        var result = Score(rules, subjects, evidence);
        var a = result.Subjects.Single(s => s.Subject.Key == "A");
        Assert.Equal((105.0, 1, true), (a.Score, a.Rank, a.Disqualified));
        Assert.Equal("合格", a.Band);                                   // first, but barred from 优秀
        Assert.Equal("优秀", result.Subjects.Single(s => s.Subject.Key == "B").Band);
        Assert.Equal(["B"], result.Honours[1].Select(s => s.Subject.Key)); // the honour goes to the best qualified
        Assert.Contains("取消本季度评优评先资格", KindText(a.Lines.First()));

        evidence[0] = E("A", "投诉", "P1", "2025-02-01", appeal: new Appeal(3, "withdraw", "不属实", "李四", new DateOnly(2025, 4, 3)));
        var after = Score(rules, subjects, evidence).Subjects.Single(s => s.Subject.Key == "A");
        Assert.Equal((false, "优秀"), (after.Disqualified, after.Band));
    }

    [Fact]
    public void Additions_stop_at_the_quarterly_cap_and_the_line_that_reaches_it_says_so()
    {
        var rules = Rules("""
            [ { "id": "banner", "source": "考核记录", "label": "锦旗", "attributes": ["锦旗"], "points_per_unit": 10 } ]
            """, """ "max_additions_per_quarter": 20, """);
        var evidence = Enumerable.Range(1, 3).Select(i => E("A", "考核记录", $"J{i}", $"2025-0{i}-05", "锦旗"))
            .Append(E("A", "考核记录", "J4", "2025-04-05", "锦旗")).ToList();
        var s = Score(rules, [S("A")], evidence, quarters: [1, 2]).Subjects.Single();
        Assert.Equal([10, 10, 0], s.Quarter(1)!.Lines.Select(l => l.Points));
        Assert.Equal(new LineNote[] { new AdditionsCapNote("20", "10") }, s.Quarter(1)!.Lines[2].Notes);
        Assert.Equal((120, 110), (s.Quarter(1)!.Score, s.Quarter(2)!.Score));
        Assert.Equal(115, s.Score); // the year is the mean of its quarters
    }

    [Fact]
    public void Bands_with_top_n_give_the_top_band_to_at_most_n_subjects_all_at_or_above_its_minimum_and_never_split_a_tie()
    {
        const string bands = """[ { "name": "优秀", "min_score": 90, "top_n": 3 }, { "name": "称职", "min_score": 75 }, { "name": "不称职" } ]""";
        var subjects = Enumerable.Range(0, 6).Select(i => S($"S{i}")).ToList();
        // S0, S1 lose nothing; S2 loses 11 (89); S3–S5 lose 1: 99.
        var evidence = Enumerable.Range(0, 11).Select(i => E("S2", "投诉", $"P{i}", "2025-01-05"))
            .Concat(new[] { "S3", "S4", "S5" }.Select(k => E(k, "投诉", "Q" + k, "2025-01-05"))).ToList();
        List<SubjectScore> Top(string ranking) => Score(Rules("""[ { "id": "x", "source": "投诉", "label": "投诉", "points_per_unit": -1 } ]""",
            ranking, bands), subjects, evidence).Subjects.Where(s => s.Band == "优秀").ToList();

        // Without intervals: S0 and S1 tie at 100, S3–S5 at 99; the third place falls inside the 99 tie.
        var none = Top(""" "ranking": { "require_separation": false, "tie_at_cutoff": "none" }, """);
        Assert.Equal(["S0", "S1"], none.Select(s => s.Subject.Key).Order());
        Assert.Equal([1, 1], none.Select(s => s.Rank));
        var all = Top(""" "ranking": { "require_separation": false, "tie_at_cutoff": "all" }, """);
        Assert.Equal(5, all.Count);
        Assert.All(all, s => Assert.True(s.Score >= 90));
        // With intervals (the default): one complaint either way is within chance, so 100 and 99 are one 档次 and
        // nobody stands apart from the next group — no 优秀 rather than one picked by code order.
        Assert.Empty(Top(""));
    }

    [Fact]
    public void A_rules_file_mistake_names_the_file_and_line_in_chinese()
    {
        var path = _dir.File("rules.json");
        File.WriteAllText(path, "{\n  \"name\": \"x\",\n  \"base_points\": 100,\n  \"rules\": [ { \"id\": \"x\", \"source\": \"投诉\", \"label\": \"x\", \"points_per_unit\": -3 }\n  \"bands\": []\n}");
        var error = Assert.Throws<AssessmentException>(() => ScoringRules.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("第 5 行", error.Message);

        File.WriteAllText(path, "{\n  \"name\": \"x\", \"description\": \"\", \"base_points\": 100,\n  \"rules\": [\n    { \"id\": \"a\", \"source\": \"投诉\", \"label\": \"a\", \"points_per_unit\": -3 },\n" +
                                "    { \"id\": \"b\", \"kind\": \"ratio\", \"source\": \"投诉\", \"label\": \"b\", \"points_per_unit\": -3 }\n  ],\n  \"bands\": [ { \"name\": \"合格\" } ]\n}");
        error = Assert.Throws<AssessmentException>(() => ScoringRules.Load(path));
        Assert.Contains("第 5 行：规则 b：kind “ratio”不对", error.Message);

        File.WriteAllText(path, "{\n  \"name\": \"x\", \"description\": \"\", \"base_points\": 100,\n  \"rules\": [ { \"id\": \"a\", \"source\": \"投诉\", \"label\": \"a\", \"points_per_unit\": -3, \"cap\": -5 } ],\n  \"bands\": [ { \"name\": \"合格\" } ]\n}");
        error = Assert.Throws<AssessmentException>(() => ScoringRules.Load(path));
        Assert.Contains("第 3 行", error.Message);
        Assert.Contains("不认识的设置项", error.Message);

        File.WriteAllText(path, "{\n  \"name\": \"x\", \"description\": \"\", \"base_points\": 100,\n  \"rules\": [\n    { \"id\": \"a\", \"source\": \"回访\", \"label\": \"a\", \"classes\": [\"差评\"], \"points_per_unit\": -1 }\n  ],\n  \"bands\": [ { \"name\": \"合格\" } ]\n}");
        Assert.Contains("第 4 行：规则 a：classes 中的“差评”不对", Assert.Throws<AssessmentException>(() => ScoringRules.Load(path)).Message);
    }

    [Theory]
    [InlineData("rules.json", "center")]
    [InlineData("zhengding-center.json", "center")]
    [InlineData("staff-rules.json", "staff")]
    public void The_shipped_schemes_load(string file, string subject)
    {
        var rules = ScoringRules.Load(new TemplateFolder().PathOf(Path.Combine("annual", file)));
        Assert.Equal(subject, rules.Subject);
        Assert.NotEmpty(rules.Rules);
    }
}
