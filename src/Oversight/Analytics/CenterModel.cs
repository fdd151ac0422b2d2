using System.Globalization;
using Microsoft.ML;

namespace Oversight.Analytics;

/// <summary>
/// Empty centers (形同虚设): ML.NET RandomizedPca anomaly detection on each center's signals standardised against
/// the same month's peers (robust z-scores: distance from the month's median in units of its spread), combined with
/// explicit red flags. Score = number of red flags + the anomaly score relative to the training months' 95th
/// percentile, so a center with clear red flags ranks above one that is merely unusual.
/// </summary>
public sealed class CenterModel
{
    public const string Version = "center-pca-v1";

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    public double TrainingP95 { get; }

    private CenterModel(MLContext ml, ITransformer model, double p95) => (_ml, _model, TrainingP95) = (ml, model, p95);

    public static CenterModel Train(IReadOnlyList<CenterSignals> rows, int seed)
    {
        if (rows.Select(r => r.CenterCode).Distinct().Count() < 5)
            throw new AnalyticsException($"训练数据只有 {rows.Select(r => r.CenterCode).Distinct().Count()} 个中心，至少需要 5 个中心才能比较。");
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(Standardise(rows));
        var model = ml.AnomalyDetection.Trainers.RandomizedPca(featureColumnName: "Features", rank: 3, ensureZeroMean: true, seed: seed).Fit(data);
        var scores = ml.Data.CreateEnumerable<CenterOutput>(model.Transform(data), reuseRowObject: false).Select(o => (double)o.Score).Order().ToList();
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

    /// <summary>Scores one month's centers: anomaly score relative to training, red flags, and reasons.</summary>
    public IReadOnlyList<(CenterSignals Center, double Score, IReadOnlyList<string> Reasons, int RedFlags)> Score(IReadOnlyList<CenterSignals> month)
    {
        if (month.Count == 0) return [];
        var data = _ml.Data.LoadFromEnumerable(Standardise(month));
        var anomaly = _ml.Data.CreateEnumerable<CenterOutput>(_model.Transform(data), reuseRowObject: false).Select(o => (double)o.Score).ToList();
        var medians = CenterSignals.SignalNames.ToDictionary(s => s, s => Median(month.Select(c => (double)c.Value(s))));
        return month.Select((c, i) =>
        {
            var flags = RedFlags(c, medians);
            var reasons = flags.Select(f => f.Text).ToList();
            var except = flags.Select(f => f.Signal).ToHashSet();
            if (reasons.Count < 3)
                reasons.AddRange(Deviations(c, month, medians, except, minimumZ: 2).Take(3 - reasons.Count));
            // A center the model ranks high always says why: its strongest deviation towards emptiness, however small,
            // or plainly that it has none.
            if (reasons.Count == 0)
                reasons.AddRange(Deviations(c, month, medians, except, minimumZ: 0.5).Take(1).Select(r => "程度较轻：" + r));
            if (reasons.Count == 0) reasons.Add(NoSuspiciousSignal);
            return (c, flags.Count + anomaly[i] / TrainingP95, (IReadOnlyList<string>)reasons, flags.Count);
        }).ToList();
    }

    /// <summary>The explicit red flags, each with the center's number beside the county median.</summary>
    public static List<(string Signal, string Text)> RedFlags(CenterSignals c, IReadOnlyDictionary<string, double> medians)
    {
        var flags = new List<(string Signal, string Text)>();
        var m = medians;
        if (c.VideoChecks >= 2 && c.EmptyPostShare >= 0.3 && c.EmptyPostShare >= 2 * m[nameof(c.EmptyPostShare)])
            flags.Add((nameof(c.EmptyPostShare), $"视频抽查 {P(c.EmptyPostShare)} 发现大厅无人或空岗、离岗（全县中位数 {P(m[nameof(c.EmptyPostShare)])}）"));
        if (c.BackfillShare >= 0.1)
            flags.Add((nameof(c.BackfillShare), $"{P(c.BackfillShare)} 的办件在明查前 3 天内集中补录，录入比受理晚 48 小时以上（全县中位数 {P(m[nameof(c.BackfillShare)])}）"));
        if (c.PhoneReuseShare >= 0.2)
            flags.Add((nameof(c.PhoneReuseShare), $"{P(c.PhoneReuseShare)} 的回访办件使用同一批号码（一个号码对应 6 件以上，全县中位数 {P(m[nameof(c.PhoneReuseShare)])}）"));
        if (m[nameof(c.CasesPer1000)] > 0 && c.CasesPer1000 < 0.4 * m[nameof(c.CasesPer1000)])
            flags.Add((nameof(c.CasesPer1000), $"每千名户籍人口办件 {N(c.CasesPer1000)} 件（全县中位数 {N(m[nameof(c.CasesPer1000)])} 件）"));
        if (c.Callbacks >= 5 && c.UnreachableShare >= 0.3 && c.UnreachableShare >= 2 * m[nameof(c.UnreachableShare)])
            flags.Add((nameof(c.UnreachableShare), $"回访未接通 {P(c.UnreachableShare)}（全县中位数 {P(m[nameof(c.UnreachableShare)])}）"));
        if (c.IdleStaffShare >= 0.5 && c.IdleStaffShare >= 2 * m[nameof(c.IdleStaffShare)])
            flags.Add((nameof(c.IdleStaffShare), $"在册人员中 {P(c.IdleStaffShare)} 本月没有经办任何办件（全县中位数 {P(m[nameof(c.IdleStaffShare)])}）"));
        if (c.ComplaintsPer10006m == 0 && m[nameof(c.ComplaintsPer10006m)] > 0)
            flags.Add((nameof(c.ComplaintsPer10006m), $"近6个月没有任何投诉（全县中位数每千件 {N(m[nameof(c.ComplaintsPer10006m)])} 件）"));
        return flags;
    }

    /// <summary>The reason given for a center whose signals are all at or on the good side of the county's medians.</summary>
    public const string NoSuspiciousSignal = "各项信号均不比全县中位数差，仅因信号组合少见被模型列出，不作为暗访依据";

    /// <summary>Signals furthest from the month's median towards an empty center (robust z at least
    /// <paramref name="minimumZ"/> in the signal's suspicious direction), as sentences, strongest first. A deviation the
    /// other way (many complaints, many cases) is never given as a reason.</summary>
    private static IEnumerable<string> Deviations(CenterSignals c, IReadOnlyList<CenterSignals> month, IReadOnlyDictionary<string, double> medians,
        IReadOnlySet<string> except, double minimumZ) =>
        CenterSignals.SignalNames
            .Where(s => !except.Contains(s))
            .Select(s => (Signal: s, Z: CenterSignals.SuspiciousDirection(s) * Robust(c.Value(s), month.Select(x => (double)x.Value(s)).ToList())))
            .Where(x => x.Z >= minimumZ && Format(x.Signal, c.Value(x.Signal)) != Format(x.Signal, medians[x.Signal]))
            .OrderByDescending(x => x.Z).ThenBy(x => x.Signal, StringComparer.Ordinal)
            .Select(x => $"{Label(x.Signal)} {Format(x.Signal, c.Value(x.Signal))}（全县中位数 {Format(x.Signal, medians[x.Signal])}）");

    private static string Label(string signal) => signal switch
    {
        nameof(CenterSignals.CasesPer1000) => "每千名户籍人口办件",
        nameof(CenterSignals.EmptyPostShare) => "视频抽查发现大厅无人或空岗、离岗的比例",
        nameof(CenterSignals.BackfillShare) => "明查前集中补录办件的比例",
        nameof(CenterSignals.PhoneReuseShare) => "回访号码重复使用的比例",
        nameof(CenterSignals.UnreachableShare) => "回访未接通率",
        nameof(CenterSignals.IdleStaffShare) => "无办件的在册人员比例",
        _ => "近6个月每千件办件投诉",
    };

    private static string Format(string signal, double v) =>
        signal is nameof(CenterSignals.CasesPer1000) or nameof(CenterSignals.ComplaintsPer10006m) ? N(v) + " 件" : P(v);

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

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return 0;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string P(double v) => (100 * v).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
