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
    /// <summary>Its evidence passes the threshold (evidence_alpha): only listed flags are shown; the rest keep their rank
    /// for the visit plan's priority.</summary>
    [JsonIgnore] public bool Listed { get; init; }

    /// <summary>Empty-hall or fabrication evidence past the strong threshold: always in the visit plan.</summary>
    [JsonIgnore] public bool Strong { get; init; }

    public const string WindowKind = "window";
    public const string CenterKind = "center";
}

/// <summary>Settings of the models: the seed, and the visit outcome that counts as a center found not running. The
/// label and the evidence thresholds are warehouse settings (<see cref="EvidenceSettings"/>).</summary>
public sealed record FlagSettings(int Seed = 511922, int VisitProblemsThreshold = 3);
