namespace Oversight.Assessment;

/// <summary>How much a score owes to chance: the period is scored again on redraws of its own records (a Poisson
/// bootstrap: each record counts 0, 1, 2… times, one in expectation), with the same volumes and the same rules.
/// The spread of a subject's redrawn scores is its interval; two redraws ranked against each other give the
/// ranking's stability (Spearman). The redraws are seeded, so a report is reproducible.</summary>
public static class Bootstrap
{
    /// <summary>Redrawn scores per (subject, quarter), quarter 0 being the year (the mean of the quarters).</summary>
    public sealed record Redraws(IReadOnlyDictionary<(string Subject, int Quarter), double[]> Scores, int Count);

    public static Redraws Draws(ScoringRules rules, IReadOnlyList<AssessedSubject> subjects, IReadOnlyList<Evidence> evidence,
        IReadOnlyList<Volume> volumes, int year, IReadOnlyList<int> quarters, SampleDraw draw, int count)
    {
        var scores = new Dictionary<(string, int), double[]>();
        if (count <= 0) return new Redraws(scores, 0);
        foreach (var s in subjects)
            foreach (var q in quarters.Append(0)) scores[(s.Key, q)] = new double[count];
        var rng = new Random(rules.RankingOrDefault.Seed);
        for (var b = 0; b < count; b++)
        {
            var redrawn = new List<Evidence>(evidence.Count);
            foreach (var e in evidence)
            {
                var k = Poisson(rng);
                for (var i = 0; i < k; i++) redrawn.Add(i == 0 ? e : e with { RecordId = $"{e.RecordId}#{i + 1}" });
            }
            var raw = Scorer.RawScores(rules, subjects, redrawn, volumes, year, quarters, draw, explain: false);
            foreach (var s in subjects)
            {
                var sum = 0.0;
                foreach (var q in quarters)
                {
                    var v = raw[(s.Key, q)].Score;
                    scores[(s.Key, q)][b] = v;
                    sum += v;
                }
                scores[(s.Key, 0)][b] = sum / quarters.Count;
            }
        }
        return new Redraws(scores, count);
    }

    /// <summary>The central <paramref name="level"/> share of the redrawn scores, widened to include the score itself.</summary>
    public static (double Low, double High) Interval(Redraws draws, string subject, int quarter, double score, double level)
    {
        if (draws.Count == 0 || !draws.Scores.TryGetValue((subject, quarter), out var values)) return (double.NaN, double.NaN);
        var sorted = values.Order().ToArray();
        var tail = (1 - level) / 2;
        var low = Quantile(sorted, tail);
        var high = Quantile(sorted, 1 - tail);
        return (Math.Min(low, score), Math.Max(high, score));
    }

    /// <summary>Spearman correlation of the year scores between the first two redraws (NaN with fewer than two).</summary>
    public static double Stability(Redraws draws, IReadOnlyList<AssessedSubject> subjects)
    {
        if (draws.Count < 2 || subjects.Count < 3) return double.NaN;
        var a = subjects.Select(s => draws.Scores[(s.Key, 0)][0]).ToArray();
        var b = subjects.Select(s => draws.Scores[(s.Key, 0)][1]).ToArray();
        return Spearman(a, b);
    }

    public static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b) => Pearson(Ranks(a), Ranks(b));

    /// <summary>Ranks with ties sharing their mean rank.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]]) j++;
            for (var k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        return ranks;
    }

    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    private static double Quantile(double[] sorted, double p)
    {
        var pos = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static int Poisson(Random rng)
    {
        var l = Math.Exp(-1);
        var k = 0;
        var p = 1.0;
        do { k++; p *= rng.NextDouble(); } while (p > l);
        return k - 1;
    }
}
