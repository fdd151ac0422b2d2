namespace Oversight.Analytics;

/// <summary>
/// Whether a rate differs from the county's given the sample behind it: the chance of seeing at least (or at most)
/// this many events in this many trials if the subject ran at the county's rate (an exact binomial tail). A reason is
/// printed, and a window or center listed, only when that chance is below the evidence threshold
/// (<c>evidence_alpha</c>): three unreached calls out of ten is not evidence, thirty out of a hundred is; no complaint in
/// six months is evidence only when the county's rate predicts several in that volume.
/// </summary>
public readonly record struct RateEvidence(int Events, int Sample, double CountyRate)
{
    public double Share => Sample == 0 ? 0 : (double)Events / Sample;

    /// <summary>P(X ≥ Events) for X ~ Binomial(Sample, CountyRate).</summary>
    public double ChanceOfAtLeast => Events <= 0 ? 1 : Tail(Events, Sample, CountyRate, upper: true);

    /// <summary>P(X ≤ Events) for X ~ Binomial(Sample, CountyRate).</summary>
    public double ChanceOfAtMost => Events >= Sample ? 1 : Tail(Events, Sample, CountyRate, upper: false);

    /// <summary>Above the county's rate beyond what chance explains at level <paramref name="alpha"/>.</summary>
    public bool Above(double alpha) => Sample > 0 && Share > CountyRate && ChanceOfAtLeast < alpha;

    /// <summary>Below the county's rate beyond what chance explains at level <paramref name="alpha"/>.</summary>
    public bool Below(double alpha) => Sample > 0 && Share < CountyRate && ChanceOfAtMost < alpha;

    /// <summary>Events the county's rate predicts in this sample.</summary>
    public double Expected => Sample * CountyRate;

    private static double Tail(int k, int n, double p, bool upper)
    {
        if (n <= 0) return 1;
        p = Math.Clamp(p, 0, 1);
        if (p <= 0) return upper ? (k > 0 ? 0 : 1) : 1;
        if (p >= 1) return upper ? 1 : (k >= n ? 1 : 0);
        // Sum the pmf in log space from the tail's end nearest the mode outwards; terms beyond 1e-17 of the largest
        // cannot change the result.
        var logP = Math.Log(p);
        var logQ = Math.Log(1 - p);
        double LogPmf(int i) => LogChoose(n, i) + i * logP + (n - i) * logQ;
        var (from, to) = upper ? (k, n) : (0, k);
        var max = double.NegativeInfinity;
        var terms = new List<double>();
        for (var i = from; i <= to; i++)
        {
            var t = LogPmf(i);
            terms.Add(t);
            if (t > max) max = t;
        }
        var sum = terms.Sum(t => Math.Exp(t - max));
        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    private static double LogChoose(int n, int k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    private static readonly double[] LogFactorials = BuildLogFactorials(20_000);

    private static double[] BuildLogFactorials(int size)
    {
        var table = new double[size];
        for (var i = 2; i < size; i++) table[i] = table[i - 1] + Math.Log(i);
        return table;
    }

    private static double LogFactorial(int n)
    {
        if (n < LogFactorials.Length) return LogFactorials[n];
        // Stirling's series: exact to double precision this far out.
        double x = n;
        return x * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
