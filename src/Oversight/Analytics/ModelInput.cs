using Microsoft.ML.Data;

namespace Oversight.Analytics;

/// <summary>What ML.NET sees of a window-month: the feature vector (in <see cref="WindowFeatures.FeatureNames"/>
/// order) and the label.</summary>
internal sealed class WindowInput
{
    public const int Size = 18;

    [VectorType(Size)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }

    public static WindowInput From(WindowFeatures f) => new()
    {
        Features = WindowFeatures.FeatureNames.Select(f.Value).ToArray(),
        Label = f.OverdueProne,
    };
}

internal sealed class WindowOutput
{
    public float Probability { get; set; }
}

/// <summary>What ML.NET sees of a center-month: its signals standardised against the month's peers.</summary>
internal sealed class CenterInput
{
    public const int Size = 7;

    [VectorType(Size)]
    public float[] Features { get; set; } = [];
}

internal sealed class CenterOutput
{
    public float Score { get; set; }
}
