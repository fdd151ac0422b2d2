using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Oversight.Analytics;

namespace Oversight.Bench;

/// <summary>
/// Training the window model on a province-scale history (default 3,000 centers × 6 windows × 36 months of synthetic
/// feature rows, labels drawn from a known logistic rule) and scoring one month of 18,000 windows with their
/// evidence-tested reasons.
/// Reference beside it: ML.NET's L-BFGS logistic regression on the same rows. Medians over runs.
/// </summary>
public static class TrainBench
{
    public static int Run(string[] args)
    {
        var windows = int.Parse(IngestBench.Arg(args, "--windows", "18000"), CultureInfo.InvariantCulture);
        var months = int.Parse(IngestBench.Arg(args, "--months", "36"), CultureInfo.InvariantCulture);
        var runs = int.Parse(IngestBench.Arg(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var rows = Synthetic(windows, months);
        var last = rows.Max(r => r.Month);
        var history = rows.Where(r => r.Month < last).ToList();
        var month = rows.Where(r => r.Month == last).ToList();
        Console.WriteLine($"rows: {history.Count:N0} training ({history.Count(r => r.OverdueProne):N0} positive), {month.Count:N0} to score");

        var train = new List<double>();
        var score = new List<double>();
        var reference = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            var model = WindowModel.Train(history, seed: 7);
            train.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            var probabilities = model.Score(month);
            var flags = Flagging.RankWindows(month, probabilities.Select(p => (double)p).ToList(), EvidenceSettings.Default.Alpha);
            score.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            var ml = new MLContext(7);
            ml.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(ml.Data.LoadFromEnumerable(history.Select(h => WindowInputFor(h))));
            reference.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine($"run {r + 1}: train {train[^1]:F1} s, score {score[^1]:F2} s (top: {flags[0].Code}), reference logistic regression {reference[^1]:F1} s");
        }
        var t = IngestBench.Median(train);
        var re = IngestBench.Median(reference);
        Console.WriteLine($"windows={windows} months={months} runs={runs} cores={Environment.ProcessorCount}");
        Console.WriteLine($"median: train {t:F1} s, score a month {IngestBench.Median(score):F2} s, reference {re:F1} s, ratio train ÷ reference {t / re:F1}");
        return 0;
    }

    private sealed class Input
    {
        [Microsoft.ML.Data.VectorType(18)]
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    private static Input WindowInputFor(WindowFeatures f) =>
        new() { Features = WindowFeatures.FeatureNames.Select(f.Value).ToArray(), Label = f.OverdueProne };

    private static List<WindowFeatures> Synthetic(int windows, int months)
    {
        var rng = new Random(20261125);
        var rows = new List<WindowFeatures>(windows * months);
        for (var w = 0; w < windows; w++)
        {
            var baseRate = 0.002 + 0.01 * rng.NextDouble();
            for (var m = 0; m < months; m++)
            {
                var vacant = rng.NextDouble() < 0.01;
                var load = (float)(0.5 + 2 * rng.NextDouble());
                var logit = -3 + 60 * baseRate + (vacant ? 3 : 0) + 0.5 * load;
                rows.Add(new WindowFeatures
                {
                    // Names are no feature: the codes serve.
                    WindowCode = $"W{w:D5}", CenterCode = $"C{w / 6:D4}", WindowName = $"W{w:D5}", CenterName = $"C{w / 6:D4}",
                    Month = new DateOnly(2023, 1, 1).AddMonths(m), HistoryMonths = Math.Min(m, 6),
                    OverdueRate1m = (float)(baseRate * 2 * rng.NextDouble()), OverdueShrunk1m = (float)(baseRate * 2 * rng.NextDouble()),
                    OverdueShrunk3m = (float)baseRate, OverdueShrunk6m = (float)baseRate,
                    Overdue3m = (int)Math.Round(90 * baseRate * (1 + rng.NextDouble())), Due3m = 90, CountyOverdueRate1m = 0.007f,
                    CountyOverdueRate6m = 0.007f, Overdue6m = (int)Math.Round(180 * baseRate), Due6m = 180,
                    CasesPerStaffDay = load, VacantAPost = vacant ? 1 : 0, TemporaryShare = (float)rng.NextDouble(), StaffOnRoster = vacant ? 1 : 2,
                    LongItemShare3m = (float)(0.3 * rng.NextDouble()), ComplaintsPer1003m = (float)rng.NextDouble(), MonthOfYear = m % 12 + 1,
                    WorkingDays = 21, CountyOverdueRate3m = 0.007f, DueCases = 30,
                    OverdueProne = rng.NextDouble() < 1 / (1 + Math.Exp(-logit)),
                });
            }
        }
        return rows;
    }
}
