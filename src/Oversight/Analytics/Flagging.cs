using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Calendar;
using Oversight.Warehouse;

namespace Oversight.Analytics;

/// <summary>Trains, stores and applies both models: the window model and the center model.</summary>
public static class Flagging
{
    public sealed record TrainedModel(long ModelId, string Kind, DateOnly AsOf, int Rows, int? Positives, string Path);

    private static readonly DateOnly Beginning = new(2000, 1, 1);

    public static IReadOnlyList<WindowFeatures> WindowRows(DuckDBConnection c, DateOnly from, DateOnly to) =>
        c.Query<WindowFeatures>(SqlFiles.Read("analytics/window_features.sql"), new { from = D(from), to = D(to) }).ToList();

    public static IReadOnlyList<CenterSignals> CenterRows(DuckDBConnection c, DateOnly from, DateOnly to) =>
        c.Query<CenterSignals>(SqlFiles.Read("analytics/center_features.sql"), new { from = D(from), to = D(to) }).ToList();

    /// <summary>Trains both models on the months before <paramref name="asOf"/>'s month, saves them beside the
    /// database and records them with their training window and metrics.</summary>
    public static IReadOnlyList<TrainedModel> Train(DuckDBConnection c, string dbPath, DateOnly asOf, FlagSettings settings) =>
        [TrainWindows(c, dbPath, asOf, settings), TrainCenters(c, dbPath, asOf, settings)];

    public static TrainedModel TrainWindows(DuckDBConnection c, string dbPath, DateOnly asOf, FlagSettings settings)
    {
        var cutoff = Month.Of(asOf).FirstDay;
        var windows = WindowRows(c, Beginning, cutoff);
        if (windows.Count == 0) throw new AnalyticsException(Messages.NoCasesToTrainOn(cutoff));
        var windowModel = WindowModel.Train(windows, settings.Seed);
        var windowPath = Path.Combine(ModelFolder(dbPath), $"window-{cutoff:yyyyMM}.zip");
        windowModel.Save(windowPath);
        var positives = windows.Count(w => w.OverdueProne);
        return Register(c, Flag.WindowKind, WindowModel.Version, cutoff, windows.Min(r => r.Month), windows.Max(r => r.Month), windows.Count, positives,
            settings.Seed, new { label = EvidenceSettings.Load(c).LabelText, positive_share = (double)positives / windows.Count }, windowPath);
    }

    public static TrainedModel TrainCenters(DuckDBConnection c, string dbPath, DateOnly asOf, FlagSettings settings)
    {
        var cutoff = Month.Of(asOf).FirstDay;
        var centers = CenterRows(c, Beginning, cutoff);
        if (centers.Count == 0) throw new AnalyticsException(Messages.NoCentersToTrainOn(cutoff));
        var centerModel = CenterModel.Train(centers, settings.Seed);
        var centerPath = Path.Combine(ModelFolder(dbPath), $"center-{cutoff:yyyyMM}.zip");
        centerModel.Save(centerPath);
        return Register(c, Flag.CenterKind, CenterModel.Version, cutoff, centers.Min(r => r.Month), centers.Max(r => r.Month), centers.Count, null,
            settings.Seed, new { training_p95 = centerModel.TrainingP95 }, centerPath);
    }

    /// <summary>A month's flags and what the windows were ranked by.</summary>
    public sealed record Scoring(IReadOnlyList<Flag> Flags, RankingChoice Choice);

    /// <summary>Scores a month: windows ranked by the basis the backtest chose on the county's own history (training
    /// the model first if that basis needs it and there is none trained before the month and within a month of it),
    /// centers by the center model; stores every flag with whether its evidence lists it, and returns them.</summary>
    public static Scoring ScoreMonth(DuckDBConnection c, string dbPath, Month scored, FlagSettings settings)
    {
        var month = scored.FirstDay;
        // The features, a backtest and any training read the case layers several times (shared with a caller's cache).
        using var cache = MartCache.Materialize(c);
        var evidence = EvidenceSettings.Load(c);
        var windowRows = WindowRows(c, month, month.AddMonths(1));
        var centerRows = CenterRows(c, month, month.AddMonths(1));
        if (windowRows.Count == 0 && centerRows.Count == 0) throw new AnalyticsException(Messages.NothingToScore(scored));

        var history = WindowRows(c, Beginning, month);
        var choice = RankingChoice.For(c, month, history, settings.Seed, evidence);
        // The window model only when the basis needs it: a rule ranks a county with no overdue-prone history too.
        long? windowId = null;
        IReadOnlyList<float>? probabilities = null;
        if (RankingMethod.NeedsModel(choice.Method))
        {
            var (id, path, _) = Latest(c, Flag.WindowKind, WindowModel.Version, month);
            if (path is null || !File.Exists(path)) (id, path) = TrainWindows(c, dbPath, month, settings) is var t ? (t.ModelId, t.Path) : default;
            windowId = id;
            probabilities = WindowModel.Load(path!, settings.Seed).Score(windowRows);
        }
        var (centerId, centerPath, centerMetrics) = Latest(c, Flag.CenterKind, CenterModel.Version, month);
        if (centerPath is null || !File.Exists(centerPath))
        {
            var trained = TrainCenters(c, dbPath, month, settings);
            (centerId, centerPath) = (trained.ModelId, trained.Path);
            centerMetrics = c.ExecuteScalar<string>("SELECT metrics FROM ml_model WHERE model_id = $id", new { id = centerId });
        }
        var p95 = JsonDocument.Parse(centerMetrics!).RootElement.GetProperty("training_p95").GetDouble();
        var calibration = choice.Method == RankingMethod.Blend
            ? Calibration.Fit(history.Select(h => ((double)h.OverdueShrunk3m, h.OverdueProne)))
            : null;
        var flags = RankWindows(windowRows, RankingMethod.Scores(choice.Method, windowRows, probabilities, calibration), evidence.Alpha)
            .Concat(RankCenters(CenterModel.Load(centerPath, settings.Seed, p95), centerRows, evidence)).ToList();
        Store(c, month, flags, windowId, centerId);
        return new Scoring(flags, choice);
    }

    /// <summary>Windows in order of their scores (equal scores share a rank), each with its evidence-based reasons and
    /// whether that evidence lists it.</summary>
    public static IReadOnlyList<Flag> RankWindows(IReadOnlyList<WindowFeatures> month, IReadOnlyList<double> scores, double alpha)
    {
        var ranks = RankingMethod.Ranks(scores);
        return month.Select((w, i) => (Row: w, Score: scores[i], Rank: ranks[i]))
            .OrderBy(x => x.Rank).ThenBy(x => x.Row.WindowCode, StringComparer.Ordinal)
            .Select(x =>
            {
                var e = WindowReasons.Of(x.Row, alpha);
                return new Flag(Flag.WindowKind, x.Row.WindowCode, $"{x.Row.CenterName}{x.Row.WindowName}", x.Row.CenterCode,
                    Math.Round(x.Score, 6), x.Rank, e.Reasons) { Listed = e.Listed };
            })
            .ToList();
    }

    public static IReadOnlyList<Flag> RankCenters(CenterModel model, IReadOnlyList<CenterSignals> month, EvidenceSettings evidence)
    {
        var scored = model.Score(month, evidence);
        var ranks = RankingMethod.Ranks(scored.Select(x => Math.Round(x.Score, 6)).ToList());
        return scored.Select((x, i) => (x, Rank: ranks[i]))
            .OrderBy(x => x.Rank).ThenBy(x => x.x.Center.CenterCode, StringComparer.Ordinal)
            .Select(x => new Flag(Flag.CenterKind, x.x.Center.CenterCode, x.x.Center.CenterName, x.x.Center.CenterCode,
                Math.Round(x.x.Score, 6), x.Rank, x.x.Reasons) { Listed = x.x.Listed, Strong = x.x.Strong })
            .ToList();
    }

    public static string ModelFolder(string dbPath)
    {
        var dir = Path.GetFullPath(dbPath) + ".models";
        Privacy.OwnerOnly.CreateDirectory(dir); // the models are trained on personal records: owner-only
        return dir;
    }

    private static (long? Id, string? Path, string? Metrics) Latest(DuckDBConnection c, string kind, string version, DateOnly month)
    {
        var row = c.QueryFirstOrDefault<(long Id, string Path, string Metrics, DateOnly AsOf)>(SqlFiles.Read("analytics/latest_model.sql"),
            new { kind, version, month = D(month) });
        return row.Path is null ? (null, null, null) : (row.Id, row.Path, row.Metrics);
    }

    private static TrainedModel Register(DuckDBConnection c, string kind, string version, DateOnly asOf, DateOnly from, DateOnly to,
        int rows, int? positives, int seed, object metrics, string path)
    {
        var id = c.ExecuteScalar<long>("""
            INSERT INTO ml_model (kind, version, as_of, train_from, train_to, training_rows, positives, seed, metrics, path, trained_at)
            VALUES ($kind, $version, $asOf, $from, $to, $rows, $positives, $seed, $metrics, $path, now()::TIMESTAMP)
            RETURNING model_id
            """,
            new { kind, version, asOf = D(asOf), from = D(from), to = D(to), rows, positives, seed, metrics = JsonSerializer.Serialize(metrics), path });
        return new TrainedModel(id, kind, asOf, rows, positives, path);
    }

    private static void Store(DuckDBConnection c, DateOnly month, IReadOnlyList<Flag> flags, long? windowModel, long? centerModel)
    {
        using var tx = c.BeginTransaction();
        c.Execute("DELETE FROM ml_flag WHERE month = $month", new { month = D(month) }, tx);
        var now = DateTime.Now;
        using (var appender = c.CreateAppender("ml_flag"))
        {
            foreach (var f in flags)
                appender.CreateRow()
                    .AppendValue(D(month)).AppendValue(f.Kind).AppendValue(f.Code).AppendValue(f.Name).AppendValue(f.Center)
                    .AppendValue(f.Score).AppendValue(f.Rank).AppendValue(JsonSerializer.Serialize(f.Reasons))
                    .AppendValue(f.Kind == Flag.WindowKind ? windowModel : centerModel).AppendValue(now)
                    .AppendValue(f.Listed).AppendValue(f.Strong)
                    .EndRow();
        }
        tx.Commit();
    }

    internal static DateTime D(DateOnly d) => d.ToDateTime(TimeOnly.MinValue);
}
