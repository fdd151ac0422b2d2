namespace Oversight.Analytics;

/// <summary>The ways the window flags can be ranked: the model, the two plain rules it must beat, and a blend.
/// Which one a month's flags use is chosen by the walk-forward backtest on the county's own history
/// (<see cref="RankingChoice"/>).</summary>
public static class RankingMethod
{
    public const string Model = "model";
    public const string LastMonth = "rule_last_month";
    public const string Shrunk3m = "rule_shrunk_3m";
    public const string Blend = "blend";

    /// <summary>The center rankings the center backtest compares: the anomaly model with red flags, and the rule.</summary>
    public const string CenterModel = "center_model";
    public const string CenterRule = "center_rule";

    /// <summary>In order of preference when two do equally well: the simpler first.</summary>
    public static readonly string[] All = [Shrunk3m, LastMonth, Blend, Model];

    public static bool NeedsModel(string method) => method is Model or Blend;

    public static string Label(string method) => method switch
    {
        Model => Messages.RankingModel,
        LastMonth => Messages.RankingLastMonth,
        Shrunk3m => Messages.RankingShrunk3m,
        Blend => Messages.RankingBlend,
        CenterModel => Messages.RankingCenterModel,
        CenterRule => Messages.RankingCenterRule,
        _ => method,
    };

    /// <summary>Each window's score under a method. Rules score by their rate; the model by its probability; the
    /// blend by the mean of the model's probability and the 3-month rule's calibrated probability.</summary>
    public static double[] Scores(string method, IReadOnlyList<WindowFeatures> month, IReadOnlyList<float>? model, Calibration? shrunk3m) =>
        method switch
        {
            LastMonth => month.Select(w => (double)w.OverdueRate1m).ToArray(),
            Shrunk3m => month.Select(w => (double)w.OverdueShrunk3m).ToArray(),
            Model => model!.Select(p => (double)p).ToArray(),
            Blend => month.Select((w, i) => 0.5 * model![i] + 0.5 * shrunk3m!.Probability(w.OverdueShrunk3m)).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };

    /// <summary>Rank 1 for the highest score; equal scores share a rank (1, 2, 2, 4).</summary>
    public static int[] Ranks(IReadOnlyList<double> scores)
    {
        var sorted = scores.OrderByDescending(s => s).ToArray();
        return scores.Select(s => 1 + LowerCount(sorted, s)).ToArray();
    }

    private static int LowerCount(double[] descending, double value)
    {
        int lo = 0, hi = descending.Length;
        while (lo < hi) { var mid = (lo + hi) / 2; if (descending[mid] > value) lo = mid + 1; else hi = mid; }
        return lo;
    }
}

/// <summary>A score turned into a probability of the label by the history: the share of overdue-prone window-months
/// among earlier window-months whose score fell in the same tenth. Lets a rule be judged by Brier like the model.</summary>
public sealed class Calibration
{
    private readonly double[] _upper;
    private readonly double[] _rate;

    private Calibration(double[] upper, double[] rate) => (_upper, _rate) = (upper, rate);

    public static Calibration Fit(IEnumerable<(double Score, bool Positive)> history, int bins = 10)
    {
        var sorted = history.OrderBy(h => h.Score).ToList();
        if (sorted.Count == 0) return new Calibration([double.MaxValue], [0]);
        var upper = new List<double>();
        var rate = new List<double>();
        var size = Math.Max(1, sorted.Count / bins);
        var i = 0;
        while (i < sorted.Count)
        {
            var end = Math.Min(sorted.Count, i + size);
            // equal scores stay in one bin
            while (end < sorted.Count && sorted[end].Score == sorted[end - 1].Score) end++;
            var bin = sorted.GetRange(i, end - i);
            upper.Add(bin[^1].Score);
            rate.Add(bin.Count(b => b.Positive) / (double)bin.Count);
            i = end;
        }
        upper[^1] = double.MaxValue;
        return new Calibration(upper.ToArray(), rate.ToArray());
    }

    public double Probability(double score)
    {
        var i = Array.FindIndex(_upper, u => score <= u);
        return _rate[i < 0 ? _rate.Length - 1 : i];
    }
}
