using System.Text.Json;
using System.Text.Json.Serialization;

namespace Oversight.Assessment;

/// <summary>The county's scoring scheme for the annual assessment, read from a JSON file it can edit.
/// <see cref="MinQuarterScore"/> is the floor of a quarter's score (扣完为止), if the county sets one.</summary>
public sealed record ScoringRules(string Description, double BasePoints, IReadOnlyList<ScoringRule> Rules, IReadOnlyList<Band> Bands,
    double? MinQuarterScore = null)
{
    public static readonly string[] Sources = ["办件", "投诉", "回访", "视频抽查", "延时服务"];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ScoringRules Load(string path)
    {
        if (!File.Exists(path)) throw new AssessmentException($"找不到考核计分规则文件：{path}");
        ScoringRules? rules;
        try
        {
            rules = JsonSerializer.Deserialize<ScoringRules>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw new AssessmentException($"考核计分规则文件 {path} 第 {(ex.LineNumber ?? 0) + 1} 行有错误：{ex.Message}", ex);
        }
        if (rules is null) throw new AssessmentException($"考核计分规则文件 {path} 是空的。");
        rules.Validate(path);
        return rules;
    }

    private void Validate(string path)
    {
        void Fail(string what) => throw new AssessmentException($"考核计分规则文件 {path}：{what}");
        if (Rules is null || Rules.Count == 0) Fail("没有任何计分规则（rules）。");
        foreach (var r in Rules!)
        {
            if (string.IsNullOrWhiteSpace(r.Id)) Fail("有一条规则缺少 id。");
            if (!Sources.Contains(r.Source)) Fail($"规则 {r.Id} 的 source “{r.Source}”不对，应为 {string.Join("、", Sources)} 之一。");
            if (r.CapPerRecord is { } c && Math.Sign(c) != Math.Sign(r.PointsPerUnit)) Fail($"规则 {r.Id} 的 cap_per_record 应与 points_per_unit 同号。");
            if (r.CapPerQuarter is { } q && Math.Sign(q) != Math.Sign(r.PointsPerUnit)) Fail($"规则 {r.Id} 的 cap_per_quarter 应与 points_per_unit 同号。");
        }
        if (Rules!.Select(r => r.Id).Distinct().Count() != Rules!.Count) Fail("规则 id 有重复。");
        if (Bands is null || Bands.Count == 0 || Bands[^1].MinScore is not null) Fail("等次（bands）的最后一档不能有 min_score，以便每个中心都有等次。");
    }
}

/// <summary>One rule: records of <see cref="Source"/> (with an attribute in <see cref="Attributes"/>, when given)
/// score <see cref="PointsPerUnit"/> per unit of their quantity, capped per record and per quarter.</summary>
public sealed record ScoringRule(string Id, string Source, string Label, double PointsPerUnit, string? Unit = null,
    IReadOnlyList<string>? Attributes = null, double? CapPerRecord = null, double? CapPerQuarter = null)
{
    public bool Applies(string source, string? attribute) =>
        source == Source && (Attributes is null || attribute is not null && Attributes.Contains(attribute));
}

/// <summary>A band (等次): the first whose minimum score (and top-N place, if set) a center meets.</summary>
public sealed record Band(string Name, double? MinScore = null, int? TopN = null);
