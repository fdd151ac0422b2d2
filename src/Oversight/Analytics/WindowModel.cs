using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Oversight.Analytics;

/// <summary>
/// Overdue-prone windows: a FastTree binary classifier (probabilities Platt-calibrated on the training months) over
/// the features of <see cref="WindowFeatures"/>, trained only on months before the one scored. Single-threaded and
/// seeded, so the same data gives the same model.
/// </summary>
public sealed class WindowModel
{
    public const string Version = "window-fasttree-v2";

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private WindowModel(MLContext ml, ITransformer model) => (_ml, _model) = (ml, model);

    public static WindowModel Train(IReadOnlyList<WindowFeatures> rows, int seed)
    {
        if (WindowFeatures.FeatureNames.Length != WindowInput.Size) throw new InvalidOperationException("feature count mismatch");
        var positives = rows.Count(r => r.OverdueProne);
        if (positives == 0 || positives == rows.Count)
            throw new AnalyticsException(Messages.WindowLabelsOneSided(positives == 0, rows.Count));
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows.Select(WindowInput.From));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 100,
            NumberOfLeaves = 6,
            MinimumExampleCountPerLeaf = 10,
            LearningRate = 0.05,
            Seed = seed,
            NumberOfThreads = 1,
            FeatureColumnName = "Features",
            LabelColumnName = "Label",
        });
        return new WindowModel(ml, trainer.Fit(data));
    }

    public void Save(string path)
    {
        using var stream = Privacy.OwnerOnly.CreateFile(path);
        _ml.Model.Save(_model, null, stream);
    }

    public static WindowModel Load(string path, int seed)
    {
        var ml = new MLContext(seed);
        using var stream = File.OpenRead(path);
        return new WindowModel(ml, ml.Model.Load(stream, out _));
    }

    /// <summary>Calibrated probability that the month is overdue-prone (feat_window_month.overdue_prone).</summary>
    public IReadOnlyList<float> Score(IReadOnlyList<WindowFeatures> rows)
    {
        if (rows.Count == 0) return [];
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(rows.Select(WindowInput.From)));
        return _ml.Data.CreateEnumerable<WindowOutput>(scored, reuseRowObject: false).Select(o => o.Probability).ToList();
    }
}
