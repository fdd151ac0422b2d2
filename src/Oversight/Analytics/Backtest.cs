using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Analytics;

/// <summary>One month of a walk-forward backtest: a ranking compared with what happened.</summary>
public sealed record BacktestMonth(string Kind, string Method, DateOnly Month, int Scored, int Positives,
    double? PrecisionAt5, double? PrecisionAt10, double? RecallAt10, double? Auc);

/// <summary>
/// Walk-forward evaluation: for each month, train on everything before it, score it, compare with what happened,
/// beside the simple rule in use. Windows: did cases due in the month go overdue (vs last month's overdue rate).
/// Centers: among centers visited unannounced (暗访) that month, did the visit find problems (vs lowest case volume per
/// resident).
/// </summary>
public static class Backtest
{
    public static IReadOnlyList<BacktestMonth> Run(DuckDBConnection c, DateOnly from, DateOnly to, FlagSettings settings,
        IProgress<string>? progress = null)
    {
        from = Flagging.FirstOfMonth(from);
        to = Flagging.FirstOfMonth(to);
        if (to < from) throw new AnalyticsException("回测的结束月份早于开始月份。");
        var allWindows = Flagging.WindowRows(c, new DateOnly(2000, 1, 1), to.AddMonths(1));
        var allCenters = Flagging.CenterRows(c, new DateOnly(2000, 1, 1), to.AddMonths(1));
        var visits = c.Query<(string Center, DateOnly Month, int MaxProblems)>(SqlFiles.Read("analytics/center_visit_outcomes.sql"))
            .ToDictionary(v => (v.Center, v.Month), v => v.MaxProblems);
        var results = new List<BacktestMonth>();
        // Centers are judged where an unannounced visit happened, pooled over the months: few centers are visited
        // in any one month. Each entry: the center's rank among all centers that month, and what the visit found.
        var centerModelVisits = new List<(int Rank, bool Found)>();
        var centerBaselineVisits = new List<(int Rank, bool Found)>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            progress?.Report($"{month:yyyy-MM}");
            var history = allWindows.Where(w => w.Month < month).ToList();
            var current = allWindows.Where(w => w.Month == month).ToList();
            if (history.Count == 0 || current.Count == 0) continue;
            var model = WindowModel.Train(history, settings.OverdueThreshold, settings.Seed);
            var probabilities = model.Score(current);
            bool Positive(WindowFeatures w) => w.OverdueCases >= settings.OverdueThreshold;
            results.Add(Evaluate(Flag.WindowKind, "model", month,
                current.Select((w, i) => (Score: (double)probabilities[i].Probability, Positive: Positive(w), w.WindowCode)).ToList()));
            results.Add(Evaluate(Flag.WindowKind, "baseline", month,
                current.Select(w => (Score: (double)w.OverdueRate1m, Positive: Positive(w), w.WindowCode)).ToList()));

            var centerHistory = allCenters.Where(x => x.Month < month).ToList();
            var centerMonth = allCenters.Where(x => x.Month == month).ToList();
            if (centerHistory.Select(x => x.CenterCode).Distinct().Count() < 5 || centerMonth.Count == 0) continue;
            var centerModel = CenterModel.Train(centerHistory, settings.Seed);
            var ranked = Flagging.RankCenters(centerModel, centerMonth);
            var baselineRanks = centerMonth.OrderBy(x => x.CasesPer1000).ThenBy(x => x.CenterCode, StringComparer.Ordinal)
                .Select((x, i) => (x.CenterCode, Rank: i + 1)).ToDictionary(x => x.CenterCode, x => x.Rank);
            foreach (var f in ranked.Where(f => visits.ContainsKey((f.Code, month))))
            {
                var found = visits[(f.Code, month)] >= settings.VisitProblemsThreshold;
                centerModelVisits.Add((f.Rank, found));
                centerBaselineVisits.Add((baselineRanks[f.Code], found));
            }
        }
        results.Add(Pooled("model", from, centerModelVisits));
        results.Add(Pooled("baseline", from, centerBaselineVisits));
        return results;
    }

    /// <summary>Visited centers pooled: precision at k = share of visits to top-k centers that found problems;
    /// recall at 10 = share of problem-finding visits that were to a top-10 center; AUC from the ranks.</summary>
    private static BacktestMonth Pooled(string method, DateOnly from, List<(int Rank, bool Found)> visits)
    {
        double? Precision(int k) => visits.Any(v => v.Rank <= k) ? visits.Count(v => v.Rank <= k && v.Found) / (double)visits.Count(v => v.Rank <= k) : null;
        var found = visits.Count(v => v.Found);
        return new BacktestMonth(Flag.CenterKind, method, from, visits.Count, found, Precision(5), Precision(10),
            found == 0 ? null : visits.Count(v => v.Rank <= 10 && v.Found) / (double)found,
            RankingMetrics.Auc(visits.Select(v => (Score: (double)-v.Rank, Positive: v.Found)).ToList()));
    }

    private static BacktestMonth Evaluate(string kind, string method, DateOnly month, List<(double Score, bool Positive, string Code)> items)
    {
        var ranked = items.OrderByDescending(i => i.Score).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => (i.Score, i.Positive)).ToList();
        return new BacktestMonth(kind, method, month, ranked.Count, ranked.Count(r => r.Positive),
            RankingMetrics.PrecisionAt(5, ranked), RankingMetrics.PrecisionAt(10, ranked), RankingMetrics.RecallAt(10, ranked),
            RankingMetrics.Auc(ranked));
    }

    /// <summary>Means over the months of each kind and method (months without a value are skipped).</summary>
    public static IReadOnlyList<BacktestMonth> Summarise(IReadOnlyList<BacktestMonth> months) =>
        months.GroupBy(m => (m.Kind, m.Method)).Select(g => new BacktestMonth(g.Key.Kind, g.Key.Method, g.Min(m => m.Month),
            g.Sum(m => m.Scored), g.Sum(m => m.Positives), Mean(g.Select(m => m.PrecisionAt5)), Mean(g.Select(m => m.PrecisionAt10)),
            Mean(g.Select(m => m.RecallAt10)), Mean(g.Select(m => m.Auc)))).ToList();

    public static long Store(DuckDBConnection c, IReadOnlyList<BacktestMonth> months)
    {
        var runId = c.ExecuteScalar<long>("SELECT nextval('ml_backtest_seq')");
        using var tx = c.BeginTransaction();
        var now = DateTime.Now;
        using (var appender = c.CreateAppender("ml_backtest"))
        {
            foreach (var m in months)
                appender.CreateRow().AppendValue(runId).AppendValue(m.Kind).AppendValue(m.Method).AppendValue(Flagging.D(m.Month))
                    .AppendValue(m.Scored).AppendValue(m.Positives).AppendValue(m.PrecisionAt5).AppendValue(m.PrecisionAt10)
                    .AppendValue(m.RecallAt10).AppendValue(m.Auc).AppendValue(now).EndRow();
        }
        tx.Commit();
        return runId;
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var list = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return list.Count == 0 ? null : list.Average();
    }
}
