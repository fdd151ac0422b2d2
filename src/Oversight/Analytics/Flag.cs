using System.Text.Json.Serialization;

namespace Oversight.Analytics;

/// <summary>One flagged window or center for a month: the stable JSON shape of <c>oversight flags --format json</c>.</summary>
public sealed record Flag(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("center")] string Center,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons)
{
    public const string WindowKind = "window";
    public const string CenterKind = "center";
}

/// <summary>Settings of the models: the label threshold (overdue cases in a month that make a window "overdue"),
/// the seed, and the visit outcome that counts as a center found not running.</summary>
public sealed record FlagSettings(int OverdueThreshold = 1, int Seed = 511922, int VisitProblemsThreshold = 3);
