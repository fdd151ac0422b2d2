using Oversight.Assessment;

namespace Oversight.Tests.Assessment;

/// <summary>Rule kinds are a closed set read once from the scheme file: each checks its own settings, in Chinese, naming
/// the file and the rule, and writes its own formula.</summary>
public class RuleKindTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string rule)
    {
        var path = _dir.File($"rules{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\n  \"name\": \"x\", \"description\": \"\", \"base_points\": 100,\n  \"rules\": [\n" +
                                "    { \"id\": \"a\", \"source\": \"投诉\", \"label\": \"a\", \"points_per_unit\": -3 },\n" +
                                $"    {rule}\n  ],\n  \"bands\": [ {{ \"name\": \"合格\" }} ]\n}}");
        return path;
    }

    [Fact]
    public void An_unknown_kind_names_the_file_the_line_the_rule_and_every_kind_there_is()
    {
        var path = Write("{ \"id\": \"late\", \"source\": \"办件\", \"label\": \"超期\",\n      \"kind\": \"ratio\", \"points_per_unit\": -1 }");
        var message = Assert.Throws<AssessmentException>(() => ScoringRules.Load(path)).Message;
        Assert.Equal($"考核计分规则文件 {path} 第 6 行：规则 late：kind “ratio”不对，应为 per_record（逐条）、rate（比率）、sample（抽样）或 disqualify（取消评优资格）。",
            message);
    }

    [Theory]
    [InlineData("""{ "id": "r", "kind": "rate", "source": "办件", "label": "超期率", "denominator": "办结", "points_per_unit": -1 }""", "规则 r：比率规则须写 per")]
    [InlineData("""{ "id": "r", "kind": "rate", "source": "办件", "label": "超期率", "per": "per_1000", "denominator": "件数", "points_per_unit": -1 }""", "规则 r：比率规则须写 denominator")]
    [InlineData("""{ "id": "s", "kind": "sample", "source": "回访", "label": "抽查", "points_per_unit": -1 }""", "规则 s：抽样规则须写 sample_size")]
    [InlineData("""{ "id": "d", "kind": "disqualify", "source": "投诉", "label": "否决", "points_per_unit": -1 }""", "规则 d：取消评优资格的规则不计分")]
    [InlineData("""{ "id": "p", "source": "投诉", "label": "逐条", "max_rate": 2 }""", "规则 p：max_rate（否决线）只用于 disqualify 规则。")]
    [InlineData("""{ "id": "p", "kind": "per_record", "source": "投诉", "label": "逐条" }""", "规则 p：缺少 points_per_unit")]
    [InlineData("""{ "id": "d", "kind": "disqualify", "source": "投诉", "label": "否决", "max_rate": 2, "severity": true, "per": "per_1000", "denominator": "办件" }""", "规则 d：severity（严重性否决")]
    public void Each_kind_checks_its_own_settings(string rule, string expected) =>
        Assert.Contains("第 5 行：" + expected, Assert.Throws<AssessmentException>(() => ScoringRules.Load(Write(rule))).Message);

    [Fact]
    public void The_kind_string_is_read_once_into_its_type_and_a_rule_without_one_scores_per_record()
    {
        var rules = ScoringRules.Load(Write("""{ "id": "v", "kind": "disqualify", "source": "投诉", "label": "否决", "max_rate": 2, "per": "per_1000", "denominator": "办件" }"""));
        Assert.Same(RuleKind.PerRecord, rules.Rules[0].Kind);
        Assert.Same(RuleKind.Disqualify, rules.Rules[1].Kind);
        Assert.True(rules.Rules[1].IsRated);
        Assert.False(rules.Rules[0].IsRated);
        Assert.Equal(["per_record", "rate", "sample", "disqualify"], RuleKind.All.Select(k => k.Code));
        Assert.Equal(["逐条", "比率", "抽样", "否决"], RuleKind.All.Select(k => k.Name));
    }

    [Fact]
    public void Each_kind_writes_its_formula()
    {
        var rules = ScoringRules.Load(Write("""
            { "id": "r", "kind": "rate", "source": "办件", "label": "超期率", "per": "per_1000", "denominator": "办结", "target": 5,
              "points_per_unit": -0.5, "prior_weight": 50, "both_ways": true, "cap_per_quarter": -10 },
            { "id": "s", "kind": "sample", "source": "回访", "label": "抽查", "sample_size": 5, "attributes": ["不满意"], "points_per_unit": -2, "unit": "件" },
            { "id": "v", "kind": "disqualify", "source": "投诉", "label": "否决", "max_rate": 2, "per": "per_1000", "denominator": "办件" },
            { "id": "w", "kind": "disqualify", "source": "投诉", "label": "严重", "severity": true, "classes": ["upheld"] }
            """));
        string F(string id) => rules.Rules.Single(r => r.Id == id) is var r ? r.Kind.Formula(r) : "";
        Assert.Equal("每条 −3 分", F("a"));
        Assert.Equal("双向：高于目标 5‰的部分，每千件（÷办结） −0.5 分，低于的部分每单位加同样分值（信度权重 50 件），每季度最多 −10 分", F("r"));
        Assert.Equal("每季度抽取 5 条，抽中（不满意）每件 −2 分", F("s"));
        Assert.Equal("每千件办件超过 2 件的，取消当季评优评先资格", F("v"));
        Assert.Equal("（属实）严重性否决，一经查实即取消当季评优评先资格", F("w"));
    }
}
