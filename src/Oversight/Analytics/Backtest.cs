using Dapper;
using DuckDB.NET.Data;
using Oversight.Calendar;
using Oversight.Ingest;
using Oversight.Warehouse;

namespace Oversight.Analytics;

/// <summary>One month of a walk-forward backtest: a ranking compared with what happened. Brier is over the method's
/// probabilities (a rule's score calibrated on the earlier months).</summary>
public sealed record BacktestMonth(string Kind, string Method, DateOnly Month, int Scored, int Positives,
    double? PrecisionAt5, double? PrecisionAt10, double? RecallAt10, double? Auc, double? Brier = null);

/// <summary>One row of a reliability table: predictions in [From, To), how many, their mean and what happened.</summary>
public sealed record ReliabilityBin(double From, double To, int Count, double MeanPredicted, double Observed);

/// <summary>Windows that start running late (overdue-prone after three months that were not): how soon a method put
/// them in its top 10, counted from the first late month (0 = that very month, before it was seen).</summary>
public sealed record LeadTime(string Method, int Onsets, int FoundInMonth, int FoundWithinOneMonth, double? MeanDelay);

/// <summary>Share of subject-months flagged among the smallest, middle and largest third by volume.</summary>
public sealed record VolumeThirds(string Kind, string Method, double Small, double Middle, double Large);

public sealed record WindowBacktest(IReadOnlyList<BacktestMonth> Months, IReadOnlyDictionary<string, IReadOnlyList<ReliabilityBin>> Reliability,
    IReadOnlyList<LeadTime> LeadTimes, IReadOnlyList<VolumeThirds> Thirds, IReadOnlyDictionary<DateOnly, IReadOnlyDictionary<string, IReadOnlyList<string>>> Top10);

/// <summary>The center backtest: pooled over visits, with the outcome it used (暗访, else 明查) and, when there is
/// nothing to compare with, why, in Chinese.</summary>
public sealed record CenterBacktest(IReadOnlyList<BacktestMonth> Pooled, string? OutcomeSource, string Note, VolumeThirds? Thirds);

public sealed record BacktestReport(WindowBacktest Windows, CenterBacktest Centers, RankingChoice Choice);

/// <summary>
/// Walk-forward evaluation on the one label (feat_window_month.overdue_prone): for each month, train on everything
/// before it, rank the month by every method (the model, last month's overdue rate, the 3-month shrunk overdue rate,
/// a blend), and compare with what happened. Centers: among centers inspected (暗访, or 明查 where the county has no
/// 暗访), did the inspection find problems.
/// </summary>
public static class Backtest
{
    private static readonly DateOnly Beginning = new(2000, 1, 1);
    private static readonly double[] BinEdges = [0, 0.05, 0.1, 0.2, 0.4, 1.000001];

    public static BacktestReport Run(DuckDBConnection c, Month first, Month last, FlagSettings settings, IProgress<string>? progress = null)
    {
        if (last < first) throw new AnalyticsException(Messages.BacktestEndsBeforeStart(first, last));
        var (from, to) = (first.FirstDay, last.FirstDay);
        var evidence = EvidenceSettings.Load(c);
        var windows = Windows(Flagging.WindowRows(c, Beginning, to.AddMonths(1)), from, to, settings.Seed, progress);
        var centers = Centers(c, Flagging.CenterRows(c, Beginning, to.AddMonths(1)), from, to, settings, evidence, progress);
        return new BacktestReport(windows, centers, RankingChoice.Choose(windows));
    }

    public static WindowBacktest Windows(IReadOnlyList<WindowFeatures> all, DateOnly from, DateOnly to, int seed, IProgress<string>? progress = null)
    {
        var months = new List<BacktestMonth>();
        var predictions = RankingMethod.All.ToDictionary(m => m, _ => new List<(double P, bool Positive)>());
        var top10 = new Dictionary<DateOnly, IReadOnlyDictionary<string, IReadOnlyList<string>>>();
        var byMonth = all.ToLookup(r => r.Month);
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            progress?.Report(Messages.BacktestingWindows(month));
            var history = all.Where(w => w.Month < month).ToList();
            var current = byMonth[month].ToList();
            if (current.Count == 0 || history.Count(h => h.OverdueProne) is 0 || history.All(h => h.OverdueProne)) continue;
            var probabilities = WindowModel.Train(history, seed).Score(current);
            var shrunk = Calibration.Fit(history.Select(h => ((double)h.OverdueShrunk3m, h.OverdueProne)));
            var last = Calibration.Fit(history.Select(h => ((double)h.OverdueRate1m, h.OverdueProne)));
            var tops = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var method in RankingMethod.All)
            {
                var scores = RankingMethod.Scores(method, current, probabilities, shrunk);
                var p = method switch
                {
                    RankingMethod.Model => probabilities.Select(x => (double)x).ToArray(),
                    RankingMethod.LastMonth => scores.Select(last.Probability).ToArray(),
                    RankingMethod.Shrunk3m => scores.Select(shrunk.Probability).ToArray(),
                    _ => scores,
                };
                var items = current.Select((w, i) => (Score: scores[i], Positive: w.OverdueProne, w.WindowCode, P: p[i])).ToList();
                predictions[method].AddRange(items.Select(i => (i.P, i.Positive)));
                var ranked = items.OrderByDescending(i => i.Score).ThenBy(i => i.WindowCode, StringComparer.Ordinal).ToList();
                tops[method] = ranked.Take(10).Select(i => i.WindowCode).ToList();
                var pairs = ranked.Select(i => (i.Score, i.Positive)).ToList();
                months.Add(new BacktestMonth(Flag.WindowKind, method, month, pairs.Count, pairs.Count(r => r.Positive),
                    RankingMetrics.PrecisionAt(5, pairs), RankingMetrics.PrecisionAt(10, pairs), RankingMetrics.RecallAt(10, pairs),
                    RankingMetrics.Auc(pairs), items.Average(i => (i.P - (i.Positive ? 1 : 0)) * (i.P - (i.Positive ? 1 : 0)))));
            }
            top10[month] = tops;
        }
        var reliability = predictions.ToDictionary(kv => kv.Key, kv => Reliability(kv.Value));
        return new WindowBacktest(months, reliability, LeadTimes(all, top10, from, to), WindowThirds(all, top10, from, to), top10);
    }

    private static IReadOnlyList<ReliabilityBin> Reliability(List<(double P, bool Positive)> predictions) =>
        BinEdges.Zip(BinEdges.Skip(1)).Select(e =>
        {
            var bin = predictions.Where(p => p.P >= e.First && p.P < e.Second).ToList();
            return new ReliabilityBin(e.First, Math.Min(1, e.Second), bin.Count, bin.Count == 0 ? 0 : bin.Average(b => b.P),
                bin.Count == 0 ? 0 : bin.Count(b => b.Positive) / (double)bin.Count);
        }).ToList();

    /// <summary>Window-months that are overdue-prone after three months that were not (with history before them).</summary>
    public static IReadOnlyList<(string WindowCode, DateOnly Month)> Onsets(IReadOnlyList<WindowFeatures> all, DateOnly from, DateOnly to)
    {
        var label = all.ToDictionary(r => (r.WindowCode, r.Month), r => r.OverdueProne);
        return all.Where(r => r.OverdueProne && r.Month >= from && r.Month <= to
                              && Enumerable.Range(1, 3).All(k => label.TryGetValue((r.WindowCode, r.Month.AddMonths(-k)), out var was) && !was))
            .Select(r => (r.WindowCode, r.Month)).ToList();
    }

    private static IReadOnlyList<LeadTime> LeadTimes(IReadOnlyList<WindowFeatures> all,
        Dictionary<DateOnly, IReadOnlyDictionary<string, IReadOnlyList<string>>> top10, DateOnly from, DateOnly to)
    {
        var onsets = Onsets(all, from, to).Where(o => top10.ContainsKey(o.Month)).ToList();
        return RankingMethod.All.Select(method =>
        {
            var delays = onsets.Select(o => Enumerable.Range(0, 4)
                    .Select(d => (int?)d)
                    .FirstOrDefault(d => top10.TryGetValue(o.Month.AddMonths(d!.Value), out var t) && t[method].Contains(o.WindowCode)))
                .ToList();
            var found = delays.Where(d => d.HasValue).Select(d => (double)d!.Value).ToList();
            return new LeadTime(method, onsets.Count, delays.Count(d => d == 0), delays.Count(d => d <= 1), found.Count == 0 ? null : found.Average());
        }).ToList();
    }

    private static IReadOnlyList<VolumeThirds> WindowThirds(IReadOnlyList<WindowFeatures> all,
        Dictionary<DateOnly, IReadOnlyDictionary<string, IReadOnlyList<string>>> top10, DateOnly from, DateOnly to)
    {
        var scored = all.Where(r => top10.ContainsKey(r.Month)).ToList();
        var third = Thirds(scored.GroupBy(r => r.WindowCode).ToDictionary(g => g.Key, g => g.Average(r => (double)r.DueCases)));
        return RankingMethod.All.Select(method =>
        {
            double Rate(int t)
            {
                var rows = scored.Where(r => third[r.WindowCode] == t).ToList();
                return rows.Count == 0 ? 0 : rows.Count(r => top10[r.Month][method].Contains(r.WindowCode)) / (double)rows.Count;
            }
            return new VolumeThirds(Flag.WindowKind, method, Rate(0), Rate(1), Rate(2));
        }).ToList();
    }

    /// <summary>Which third (0 smallest, 2 largest) of subjects by volume each one is in.</summary>
    private static Dictionary<string, int> Thirds(Dictionary<string, double> volume)
    {
        var ordered = volume.OrderBy(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key).ToList();
        return ordered.Select((code, i) => (code, Third: Math.Min(2, 3 * i / Math.Max(1, ordered.Count)))).ToDictionary(x => x.code, x => x.Third);
    }

    private static CenterBacktest Centers(DuckDBConnection c, IReadOnlyList<CenterSignals> all, DateOnly from, DateOnly to, FlagSettings settings,
        EvidenceSettings evidence, IProgress<string>? progress)
    {
        var visits = c.Query<(string Center, DateOnly Month, string VisitType, int MaxProblems)>(SqlFiles.Read("analytics/center_visit_outcomes.sql"))
            .Where(v => v.Month >= from && v.Month <= to).ToList();
        var source = visits.Any(v => v.VisitType == VisitTypes.Unannounced) ? VisitTypes.Unannounced
            : visits.Any(v => v.VisitType == VisitTypes.Announced) ? VisitTypes.Announced : null;
        var outcomes = visits.Where(v => v.VisitType == source).ToDictionary(v => (v.Center, v.Month), v => v.MaxProblems);
        var modelVisits = new List<(int Rank, bool Found)>();
        var ruleVisits = new List<(int Rank, bool Found)>();
        var listed = new List<(string Center, bool Listed)>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            progress?.Report(Messages.BacktestingCenters(month));
            var history = all.Where(x => x.Month < month).ToList();
            var current = all.Where(x => x.Month == month).ToList();
            if (history.Select(x => x.CenterCode).Distinct().Count() < 5 || current.Count == 0) continue;
            var ranked = Flagging.RankCenters(CenterModel.Train(history, settings.Seed), current, evidence);
            listed.AddRange(ranked.Select(f => (f.Code, f.Listed)));
            var ruleRanks = current.Select(x => -(double)x.CasesPer1000).ToList();
            var ruleRank = current.Zip(RankingMethod.Ranks(ruleRanks)).ToDictionary(x => x.First.CenterCode, x => x.Second);
            foreach (var f in ranked.Where(f => outcomes.ContainsKey((f.Code, month))))
            {
                var found = outcomes[(f.Code, month)] >= settings.VisitProblemsThreshold;
                modelVisits.Add((f.Rank, found));
                ruleVisits.Add((ruleRank[f.Code], found));
            }
        }
        var volume = all.Where(x => x.Month >= from && x.Month <= to).GroupBy(x => x.CenterCode).ToDictionary(g => g.Key, g => g.Average(x => (double)x.Cases));
        var third = Thirds(volume);
        double Rate(int t)
        {
            var rows = listed.Where(l => third.TryGetValue(l.Center, out var x) && x == t).ToList();
            return rows.Count == 0 ? 0 : rows.Count(r => r.Listed) / (double)rows.Count;
        }
        var thirds = listed.Count == 0 ? null : new VolumeThirds(Flag.CenterKind, RankingMethod.CenterModel, Rate(0), Rate(1), Rate(2));
        var problems = modelVisits.Count(v => v.Found);
        var note = source switch
        {
            null => Messages.BacktestNoVisits,
            VisitTypes.Announced => Messages.BacktestByAnnouncedVisits(modelVisits.Count, settings.VisitProblemsThreshold, problems),
            _ => Messages.BacktestByUnannouncedVisits(modelVisits.Count, settings.VisitProblemsThreshold, problems),
        };
        if (source is not null && problems == 0)
            note += Messages.BacktestNothingFound(settings.VisitProblemsThreshold);
        return new CenterBacktest([Pooled(RankingMethod.CenterModel, from, modelVisits), Pooled(RankingMethod.CenterRule, from, ruleVisits)], source, note, thirds);
    }

    /// <summary>Inspected centers pooled: precision at k = share of inspections of top-k centers that found problems;
    /// recall at 10 = share of problem-finding inspections that were of a top-10 center; AUC from the ranks.</summary>
    private static BacktestMonth Pooled(string method, DateOnly from, List<(int Rank, bool Found)> visits)
    {
        double? Precision(int k) => visits.Any(v => v.Rank <= k) ? visits.Count(v => v.Rank <= k && v.Found) / (double)visits.Count(v => v.Rank <= k) : null;
        var found = visits.Count(v => v.Found);
        return new BacktestMonth(Flag.CenterKind, method, from, visits.Count, found, Precision(5), Precision(10),
            found == 0 ? null : visits.Count(v => v.Rank <= 10 && v.Found) / (double)found,
            RankingMetrics.Auc(visits.Select(v => (Score: (double)-v.Rank, Positive: v.Found)).ToList()));
    }

    /// <summary>Means over the months of each kind and method (months without a value are skipped).</summary>
    public static IReadOnlyList<BacktestMonth> Summarise(IReadOnlyList<BacktestMonth> months) =>
        months.GroupBy(m => (m.Kind, m.Method)).Select(g => new BacktestMonth(g.Key.Kind, g.Key.Method, g.Min(m => m.Month),
            g.Sum(m => m.Scored), g.Sum(m => m.Positives), Mean(g.Select(m => m.PrecisionAt5)), Mean(g.Select(m => m.PrecisionAt10)),
            Mean(g.Select(m => m.RecallAt10)), Mean(g.Select(m => m.Auc)), Mean(g.Select(m => m.Brier)))).ToList();

    public static long Store(DuckDBConnection c, IReadOnlyList<BacktestMonth> months)
    {
        var runId = c.ExecuteScalar<long>("SELECT nextval('ml_backtest_seq')");
        using var tx = c.BeginTransaction();
        var now = DateTime.Now;
        foreach (var m in months)
            c.Execute("""
                INSERT INTO ml_backtest (run_id, kind, method, month, scored, positives, precision_at_5, precision_at_10, recall_at_10, auc, brier, created_at)
                VALUES ($run, $kind, $method, $month, $scored, $positives, $p5, $p10, $r10, $auc, $brier, $now)
                """,
                new { run = runId, kind = m.Kind, method = m.Method, month = Flagging.D(m.Month), scored = m.Scored, positives = m.Positives,
                      p5 = m.PrecisionAt5, p10 = m.PrecisionAt10, r10 = m.RecallAt10, auc = m.Auc, brier = m.Brier, now }, tx);
        tx.Commit();
        return runId;
    }

    internal static double? Mean(IEnumerable<double?> values)
    {
        var list = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return list.Count == 0 ? null : list.Average();
    }
}
