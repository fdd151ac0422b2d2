using System.Globalization;
using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;
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
    public static IReadOnlyList<TrainedModel> Train(DuckDBConnection c, string dbPath, DateOnly asOf, FlagSettings settings)
    {
        var cutoff = FirstOfMonth(asOf);
        var dir = ModelFolder(dbPath);
        var windows = WindowRows(c, Beginning, cutoff);
        if (windows.Count == 0) throw new AnalyticsException($"{cutoff:yyyy-MM-dd} 之前没有可用于训练的办件数据。");
        var windowModel = WindowModel.Train(windows, settings.OverdueThreshold, settings.Seed);
        var windowPath = Path.Combine(dir, $"window-{cutoff:yyyyMM}.zip");
        windowModel.Save(windowPath);
        var positives = windows.Count(w => w.IsTroubled(settings.OverdueThreshold));
        var w = Register(c, Flag.WindowKind, WindowModel.Version, cutoff, windows.Min(r => r.Month), windows.Max(r => r.Month), windows.Count, positives,
            settings.Seed, new { label = $"当月到期办件中超期 ≥ {settings.OverdueThreshold} 件，或当月暗访在该窗口发现问题", positive_share = (double)positives / windows.Count }, windowPath);

        var centers = CenterRows(c, Beginning, cutoff);
        var centerModel = CenterModel.Train(centers, settings.Seed);
        var centerPath = Path.Combine(dir, $"center-{cutoff:yyyyMM}.zip");
        centerModel.Save(centerPath);
        var k = Register(c, Flag.CenterKind, CenterModel.Version, cutoff, centers.Min(r => r.Month), centers.Max(r => r.Month), centers.Count, null,
            settings.Seed, new { training_p95 = centerModel.TrainingP95 }, centerPath);
        return [w, k];
    }

    /// <summary>Scores a month with the newest models trained before it and within a month of it (training them
    /// first if there are none), stores the ranked flags and returns them.</summary>
    public static IReadOnlyList<Flag> ScoreMonth(DuckDBConnection c, string dbPath, DateOnly month, FlagSettings settings)
    {
        month = FirstOfMonth(month);
        var windowRows = WindowRows(c, month, month.AddMonths(1));
        var centerRows = CenterRows(c, month, month.AddMonths(1));
        if (windowRows.Count == 0 && centerRows.Count == 0) throw new AnalyticsException($"{month:yyyy年M月}没有可评分的数据。");

        var (windowId, windowPath, _) = Latest(c, Flag.WindowKind, WindowModel.Version, month);
        var (centerId, centerPath, centerMetrics) = Latest(c, Flag.CenterKind, CenterModel.Version, month);
        if (windowPath is null || centerPath is null || !File.Exists(windowPath) || !File.Exists(centerPath))
        {
            var trained = Train(c, dbPath, month, settings);
            (windowId, windowPath) = (trained[0].ModelId, trained[0].Path);
            (centerId, centerPath) = (trained[1].ModelId, trained[1].Path);
            centerMetrics = c.ExecuteScalar<string>("SELECT metrics FROM ml_model WHERE model_id = $id", new { id = centerId });
        }
        var p95 = JsonDocument.Parse(centerMetrics!).RootElement.GetProperty("training_p95").GetDouble();
        var flags = RankWindows(WindowModel.Load(windowPath, settings.Seed), windowRows)
            .Concat(RankCenters(CenterModel.Load(centerPath, settings.Seed, p95), centerRows)).ToList();
        Store(c, month, flags, windowId, centerId);
        return flags;
    }

    public static IReadOnlyList<Flag> RankWindows(WindowModel model, IReadOnlyList<WindowFeatures> month)
    {
        var scored = model.Score(month);
        return month.Select((w, i) => (Row: w, scored[i].Probability, scored[i].Contributions))
            .OrderByDescending(x => x.Probability).ThenBy(x => x.Row.WindowCode, StringComparer.Ordinal)
            .Select((x, i) => new Flag(Flag.WindowKind, x.Row.WindowCode, $"{x.Row.CenterName}{x.Row.WindowName}", x.Row.CenterCode,
                Math.Round(x.Probability, 6), i + 1, WindowReasons.Top(x.Row, x.Contributions, month)))
            .ToList();
    }

    public static IReadOnlyList<Flag> RankCenters(CenterModel model, IReadOnlyList<CenterSignals> month) =>
        model.Score(month)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Center.CenterCode, StringComparer.Ordinal)
            .Select((x, i) => new Flag(Flag.CenterKind, x.Center.CenterCode, x.Center.CenterName, x.Center.CenterCode,
                Math.Round(x.Score, 6), i + 1, x.Reasons))
            .ToList();

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
                    .EndRow();
        }
        tx.Commit();
    }

    internal static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

    internal static DateTime D(DateOnly d) => d.ToDateTime(TimeOnly.MinValue);

    public static string MonthText(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
