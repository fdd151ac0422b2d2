namespace Oversight.Analytics;

/// <summary>How well a ranking found the places that turned out to have problems.</summary>
public static class RankingMetrics
{
    /// <summary>Share of the first k (by score, ties broken by the given order) that were positive.</summary>
    public static double? PrecisionAt(int k, IReadOnlyList<(double Score, bool Positive)> ranked) =>
        ranked.Count == 0 ? null : ranked.Take(k).Count(r => r.Positive) / (double)Math.Min(k, ranked.Count);

    /// <summary>Share of all positives found in the first k.</summary>
    public static double? RecallAt(int k, IReadOnlyList<(double Score, bool Positive)> ranked)
    {
        var positives = ranked.Count(r => r.Positive);
        return positives == 0 ? null : ranked.Take(k).Count(r => r.Positive) / (double)positives;
    }

    /// <summary>ROC AUC (Mann–Whitney, ties count half); null when one class is missing.</summary>
    public static double? Auc(IReadOnlyList<(double Score, bool Positive)> items)
    {
        var pos = items.Where(i => i.Positive).Select(i => i.Score).ToList();
        var neg = items.Where(i => !i.Positive).Select(i => i.Score).Order().ToArray();
        if (pos.Count == 0 || neg.Length == 0) return null;
        double wins = 0;
        foreach (var p in pos)
        {
            var below = LowerBound(neg, p);
            var notAbove = UpperBound(neg, p);
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double)pos.Count * neg.Length);
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { var mid = (lo + hi) / 2; if (sorted[mid] < value) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { var mid = (lo + hi) / 2; if (sorted[mid] <= value) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
