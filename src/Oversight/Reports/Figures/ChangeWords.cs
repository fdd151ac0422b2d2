using System.Globalization;

namespace Oversight.Reports.Figures;

/// <summary>The words a change is printed with (figures.json "change_words"): the marks of a rise and a fall, the word
/// for no change and the unit of a rate's change, so a county can reword them without rebuilding. The program computes
/// the change and its number; these words print it around the number: "↓3", "↑12（+8.3%）", "↑1.2" and the points unit,
/// or the flat word alone.</summary>
public sealed record ChangeWords(string Up, string Down, string Flat, string Points)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A change for a rate (a share stored as 0–1), in percentage points.</summary>
    public string Rate(double? current, double? before)
    {
        if (current is null || before is null) return "—";
        var points = 100 * (current.Value - before.Value);
        return Math.Abs(points) < 0.05 ? Flat : (points > 0 ? Up : Down) + Math.Abs(points).ToString("0.0", Invariant) + Points;
    }

    /// <summary>A change for a count or score, with the relative change after a count's ("↑12（+8.3%）").</summary>
    public string Value(double? current, double? before, string format = "#,0", bool withPercent = true)
    {
        if (current is null || before is null) return "—";
        var diff = current.Value - before.Value;
        if (Math.Abs(diff) < 0.05) return Flat;
        var text = (diff > 0 ? Up : Down) + Math.Abs(diff).ToString(format, Invariant);
        return withPercent && before.Value > 0 ? $"{text}（{(diff >= 0 ? "+" : "−")}{Math.Abs(100 * diff / before.Value).ToString("0.0", Invariant)}%）" : text;
    }
}
