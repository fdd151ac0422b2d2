using System.Globalization;
using System.Text.Json;
using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Analytics;

/// <summary>One method's mean figures over a backtest.</summary>
public sealed record MethodFigures(string Method, double? PrecisionAt10, double? Auc, double? Brier);

/// <summary>
/// What the window flags of a month are ranked by: the method with the best mean precision at 10 over the walk-forward
/// backtest of the months before it on the county's own history (AUC breaks a tie, then the simpler method). A model
/// that loses to a rule is not the ranking. Stored per scored month in ml_ranking.
/// </summary>
public sealed record RankingChoice(string Method, DateOnly? From, DateOnly? To, int Months, IReadOnlyList<MethodFigures> Figures)
{
    public MethodFigures? Chosen => Figures.FirstOrDefault(f => f.Method == Method);

    /// <summary>The sentence the flags output and the inspection briefing print.</summary>
    public string Text
    {
        get
        {
            if (Months == 0 || Chosen is null)
                return Messages.RankingWithoutHistory(RankingMethod.Label(Method));
            var others = Figures.Where(f => f.Method != Method).Select(f => Messages.RankingAlternative(RankingMethod.Label(f.Method), f.PrecisionAt10));
            return Messages.RankingChosen(RankingMethod.Label(Method), Months, Chosen.PrecisionAt10, Chosen.Auc, From, To, others);
        }
    }


    public static readonly RankingChoice NoHistory = new(RankingMethod.Shrunk3m, null, null, 0, []);

    public static RankingChoice Choose(WindowBacktest backtest) => Choose(backtest.Months);

    public static RankingChoice Choose(IReadOnlyList<BacktestMonth> evaluated)
    {
        var backtest = new { Months = evaluated };
        var months = backtest.Months.Select(m => m.Month).Distinct().Count();
        if (months == 0) return NoHistory;
        // The months that had something to learn from, not the range asked for.
        var from = backtest.Months.Min(m => m.Month);
        var to = backtest.Months.Max(m => m.Month);
        var figures = RankingMethod.All.Select(method =>
        {
            var rows = backtest.Months.Where(m => m.Method == method).ToList();
            return new MethodFigures(method, Backtest.Mean(rows.Select(r => r.PrecisionAt10)), Backtest.Mean(rows.Select(r => r.Auc)),
                Backtest.Mean(rows.Select(r => r.Brier)));
        }).ToList();
        // RankingMethod.All lists the simpler first, so on a tie the simpler wins.
        var best = figures.Select((f, i) => (f, i))
            .OrderByDescending(x => Math.Round(x.f.PrecisionAt10 ?? -1, 9)).ThenByDescending(x => Math.Round(x.f.Auc ?? -1, 9)).ThenBy(x => x.i)
            .First().f;
        return new RankingChoice(best.Method, from, to, months, figures);
    }

    /// <summary>The basis for scoring <paramref name="month"/>: stored if chosen before, else chosen now by backtesting
    /// the <c>ranking_backtest_months</c> months before it, and stored.</summary>
    public static RankingChoice For(DuckDBConnection c, DateOnly month, IReadOnlyList<WindowFeatures> history, int seed, EvidenceSettings evidence)
    {
        var saved = c.QueryFirstOrDefault<(string Method, DateOnly? From, DateOnly? To, int Months, string Summary)>(
            "SELECT method, backtest_from, backtest_to, months, summary FROM ml_ranking WHERE month = $month ORDER BY chosen_at DESC LIMIT 1",
            new { month = Flagging.D(month) });
        if (saved.Method is not null)
            return new RankingChoice(saved.Method, saved.From, saved.To, saved.Months,
                JsonSerializer.Deserialize<List<MethodFigures>>(saved.Summary) ?? []);
        var first = history.Count == 0 ? month : history.Min(h => h.Month);
        var from = month.AddMonths(-evidence.RankingMonths);
        if (from <= first) from = first.AddMonths(1); // the first month has nothing before it to learn from
        // A month's evaluation depends only on the data up to and including it: months a stored backtest already
        // evaluated are read back, only the others are trained and scored (and stored for the next month's choice).
        var stored = c.Query<BacktestMonth>("""
            SELECT kind, method, month, scored, positives, precision_at_5, precision_at_10, recall_at_10, auc, brier
            FROM ml_backtest
            WHERE kind = 'window' AND month >= $from AND month < $to
            QUALIFY run_id = max(run_id) OVER (PARTITION BY month)
            """, new { from = Flagging.D(from), to = Flagging.D(month) }).ToList();
        var done = stored.Select(m => m.Month).ToHashSet();
        var fresh = new List<BacktestMonth>();
        var rows = history.Where(h => h.Month < month).ToList();
        for (var m = from; m < month; m = m.AddMonths(1))
            if (!done.Contains(m)) fresh.AddRange(Backtest.Windows(rows, m, m, seed).Months);
        if (fresh.Count > 0) Backtest.Store(c, fresh);
        var choice = Choose(stored.Concat(fresh).ToList());
        Store(c, month, choice);
        return choice;
    }

    public static void Store(DuckDBConnection c, DateOnly month, RankingChoice choice) =>
        c.Execute("""
            INSERT INTO ml_ranking (month, method, backtest_from, backtest_to, months, precision_at_10, auc, summary, chosen_at)
            VALUES ($month, $method, $from, $to, $months, $p10, $auc, $summary, now()::TIMESTAMP)
            """,
            new { month = Flagging.D(month), method = choice.Method, from = choice.From is { } f ? Flagging.D(f) : (DateTime?)null,
                  to = choice.To is { } t ? Flagging.D(t) : (DateTime?)null, months = choice.Months, p10 = choice.Chosen?.PrecisionAt10,
                  auc = choice.Chosen?.Auc, summary = JsonSerializer.Serialize(choice.Figures) });
}
