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
    public const string Version = "window-fasttree-v1";

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private WindowModel(MLContext ml, ITransformer model) => (_ml, _model) = (ml, model);

    public static WindowModel Train(IReadOnlyList<WindowFeatures> rows, int labelThreshold, int seed)
    {
        if (WindowFeatures.FeatureNames.Length != WindowInput.Size) throw new InvalidOperationException("feature count mismatch");
        var positives = rows.Count(r => r.IsTroubled(labelThreshold));
        if (positives == 0 || positives == rows.Count)
            throw new AnalyticsException($"训练数据中{(positives == 0 ? "没有" : "全是")}出现超期的窗口月份，无法训练窗口模型（共 {rows.Count} 条）。");
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => WindowInput.From(r, labelThreshold)));
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

    /// <summary>Calibrated probability of overdue cases in the month, and each feature's contribution to the score.</summary>
    public IReadOnlyList<(float Probability, float[] Contributions)> Score(IReadOnlyList<WindowFeatures> rows)
    {
        if (rows.Count == 0) return [];
        var data = _ml.Data.LoadFromEnumerable(rows.Select(r => WindowInput.From(r, 1)));
        var scored = _model.Transform(data);
        var predictor = (Microsoft.ML.Data.BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<FastTreeBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>>)_model;
        var contributions = _ml.Transforms.CalculateFeatureContribution(predictor, numberOfPositiveContributions: WindowInput.Size,
            numberOfNegativeContributions: 0, normalize: false).Fit(scored).Transform(scored);
        return _ml.Data.CreateEnumerable<WindowOutput>(contributions, reuseRowObject: false)
            .Select(o => (o.Probability, o.FeatureContributions)).ToList();
    }
}
