using Microsoft.ML;

namespace Oversight.Analytics;

/// <summary>
/// Empty centers (形同虚设): ML.NET RandomizedPca anomaly detection on each center's signals standardised against
/// the same month's peers (robust z-scores: distance from the month's median in units of its spread), combined with
/// explicit red flags. Score = number of red flags + the anomaly score relative to the training months' 95th
/// percentile, so a center with clear red flags ranks above one that is merely unusual. Only centers with a red flag
/// are listed: being unusual is not a reason to visit.
/// </summary>
public sealed class CenterModel
{
    public const string Version = "center-pca-v2";

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    public double TrainingP95 { get; }

    private CenterModel(MLContext ml, ITransformer model, double p95) => (_ml, _model, TrainingP95) = (ml, model, p95);

    public static CenterModel Train(IReadOnlyList<CenterSignals> rows, int seed)
    {
        if (rows.Select(r => r.CenterCode).Distinct().Count() < 5)
            throw new AnalyticsException(Messages.TooFewCentersToTrain(rows.Select(r => r.CenterCode).Distinct().Count()));
        var ml = new MLContext(seed);
        // A signal that never varies in the county (no callbacks at all, no back-filling anywhere) would leave the PCA
        // without eigenvectors: a thousandth of a spread of seeded noise keeps it well-posed and changes no ranking.
        var jitter = new Random(seed);
        var training = Standardise(rows).Select(r => new CenterInput { Features = r.Features.Select(f => f + (float)(1e-3 * (jitter.NextDouble() - 0.5))).ToArray() }).ToList();
        var data = ml.Data.LoadFromEnumerable(training);
        var model = ml.AnomalyDetection.Trainers.RandomizedPca(featureColumnName: "Features", rank: 3, ensureZeroMean: true, seed: seed).Fit(data);
        // Signals that never vary in a county (no callbacks at all, say) can leave the PCA without a score: such rows
        // count as not unusual.
        var scores = ml.Data.CreateEnumerable<CenterOutput>(model.Transform(data), reuseRowObject: false).Select(o => Finite(o.Score)).Order().ToList();
        var p95 = scores.Count == 0 ? 1 : Math.Max(scores[(int)Math.Floor(0.95 * (scores.Count - 1))], 1e-6);
        return new CenterModel(ml, model, p95);
    }

    public void Save(string path)
    {
        using var stream = Privacy.OwnerOnly.CreateFile(path);
        _ml.Model.Save(_model, null, stream);
    }

    public static CenterModel Load(string path, int seed, double p95)
    {
        var ml = new MLContext(seed);
        using var stream = File.OpenRead(path);
        return new CenterModel(ml, ml.Model.Load(stream, out _), p95);
    }

    /// <summary>One month's centers scored: anomaly score relative to training plus the red flags, the red flags as
    /// reasons, listed when there is at least one, strong when an empty-hall or fabrication flag passes the strong
    /// threshold.</summary>
    public sealed record Scored(CenterSignals Center, double Score, IReadOnlyList<string> Reasons, bool Listed, bool Strong);

    public IReadOnlyList<Scored> Score(IReadOnlyList<CenterSignals> month, EvidenceSettings evidence)
    {
        if (month.Count == 0) return [];
        var data = _ml.Data.LoadFromEnumerable(Standardise(month));
        var anomaly = _ml.Data.CreateEnumerable<CenterOutput>(_model.Transform(data), reuseRowObject: false).Select(o => Finite(o.Score)).ToList();
        var medianCases = Median(month.Select(c => (double)c.CasesPer1000));
        return month.Select((c, i) =>
        {
            var flags = RedFlags(c, medianCases, evidence.Alpha);
            var strong = flags.Any(f => f.Fabrication && f.Chance < evidence.StrongAlpha);
            return new Scored(c, flags.Count + anomaly[i] / TrainingP95, flags.Select(f => f.Text).ToList(), flags.Count > 0, strong);
        }).ToList();
    }

    /// <summary>A red flag: the signal, its sentence, the chance of so extreme a figure at the county's rate, and whether
    /// it is direct evidence of an empty hall or fabricated records (empty posts on video, back-filling, reused phones).</summary>
    public sealed record RedFlag(string Signal, string Text, double Chance, bool Fabrication);

    /// <summary>The red flags: a share both large in itself and beyond chance given the center's own sample (the
    /// county's rate as the yardstick), each with the center's numbers beside the county's.</summary>
    public static List<RedFlag> RedFlags(CenterSignals c, double medianCasesPer1000, double alpha)
    {
        var flags = new List<RedFlag>();
        void High(string signal, RateEvidence e, double minimumShare, double shrunk, bool fabrication,
            Func<int, int, double, double, double, string> text)
        {
            if (e.Share >= minimumShare && e.Above(alpha))
                flags.Add(new RedFlag(signal, text(e.Sample, e.Events, e.Share, shrunk, e.CountyRate), e.ChanceOfAtLeast, fabrication));
        }
        High(nameof(c.EmptyPostShare), new RateEvidence(c.EmptyPosts, c.VideoChecks, c.CountyEmptyPostRate), 0.3, c.EmptyPostShare, true,
            Messages.RedFlagEmptyPosts);
        High(nameof(c.BackfillShare), new RateEvidence(c.Backfilled, c.Cases, c.CountyBackfillRate), 0.1, c.BackfillShare, true,
            Messages.RedFlagBackfill);
        High(nameof(c.PhoneReuseShare), new RateEvidence(c.ReusedPhoneCases, c.CalledCases, c.CountyPhoneReuseRate), 0.2, c.PhoneReuseShare, true,
            Messages.RedFlagPhoneReuse);
        High(nameof(c.UnreachableShare), new RateEvidence(c.Unreached, c.Callbacks, c.CountyUnreachableRate), 0.3, c.UnreachableShare, false,
            Messages.RedFlagUnreachable);
        High(nameof(c.IdleStaffShare), new RateEvidence(c.Idle, c.OnRoster, c.CountyIdleRate), 0.5, c.IdleStaffShare, false,
            Messages.RedFlagIdleStaff);
        // Few cases for the population: the median center's rate per resident is the yardstick.
        var cases = new RateEvidence(c.Cases, c.Population, medianCasesPer1000 / 1000);
        if (medianCasesPer1000 > 0 && c.CasesPer1000 < 0.4 * medianCasesPer1000 && cases.Below(alpha))
            flags.Add(new RedFlag(nameof(c.CasesPer1000), Messages.RedFlagFewCases(new(c.CasesPer1000), new(medianCasesPer1000)),
                cases.ChanceOfAtMost, false));
        // No complaint at all is a sign only when the county's rate predicts several in this volume.
        var complaints = new RateEvidence(c.Complaints6m, c.Cases6m, c.CountyComplaintRate6m);
        if (c.Complaints6m == 0 && complaints.Below(alpha))
            flags.Add(new RedFlag(nameof(c.ComplaintsPer10006m),
                Messages.RedFlagNoComplaints(c.Cases6m, new(complaints.Expected)), complaints.ChanceOfAtMost, false));
        return flags.OrderBy(f => f.Chance).ToList();
    }

    /// <summary>Each signal as a robust z-score against the same month's centers, so seasons and county-wide
    /// shifts do not make everyone look odd.</summary>
    internal static IEnumerable<CenterInput> Standardise(IReadOnlyList<CenterSignals> rows) =>
        rows.GroupBy(r => r.Month).SelectMany(month =>
        {
            var list = month.ToList();
            var columns = CenterSignals.SignalNames.Select(s => list.Select(r => (double)r.Value(s)).ToList()).ToList();
            return list.Select(r => new CenterInput
            {
                Features = CenterSignals.SignalNames.Select((s, i) => (float)Math.Clamp(Robust(r.Value(s), columns[i]), -20, 20)).ToArray(),
            });
        }).ToList();

    private static double Robust(double value, IReadOnlyList<double> values)
    {
        var median = Median(values);
        var mad = Median(values.Select(v => Math.Abs(v - median)));
        var spread = Math.Max(1.4826 * mad, 0.05 * Math.Max(Math.Abs(median), 1e-3) + 1e-3);
        return (value - median) / spread;
    }

    private static double Finite(float score) => float.IsFinite(score) ? score : 0;

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return 0;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
