using Oversight.Analytics;

namespace Oversight.Tests.Analytics;

/// <summary>Both models on small hand-made data where the right answer is known.</summary>
public class HandMadeModelTests
{
    private static List<WindowFeatures> Windows(int seed)
    {
        var rng = new Random(seed);
        var rows = new List<WindowFeatures>();
        for (var m = 0; m < 12; m++)
        for (var w = 0; w < 40; w++)
        {
            var bad = w == 7; // understaffed since month 3: vacant A post, a temporary worker, overdue every month
            var troubled = bad && m >= 3;
            rows.Add(new WindowFeatures
            {
                WindowCode = $"W{w:D2}", CenterCode = $"C{w / 4}", WindowName = $"窗口{w}", CenterName = $"中心{w / 4}",
                Month = new DateOnly(2025, 1, 1).AddMonths(m), HistoryMonths = Math.Min(m, 6),
                OverdueRate1m = troubled ? 0.3f + 0.1f * (float)rng.NextDouble() : 0.02f * (float)rng.NextDouble(),
                OverdueRate3m = troubled ? 0.3f : 0.015f * (float)rng.NextDouble(),
                OverdueRate6m = troubled ? 0.25f : 0.015f * (float)rng.NextDouble(),
                CasesPerStaffDay = 1 + (float)rng.NextDouble(),
                VacantAPost = troubled ? 1 : 0,
                TemporaryShare = troubled ? 1 : 0.3f * (float)rng.NextDouble(),
                StaffOnRoster = troubled ? 1 : 2,
                LongItemShare3m = 0.3f,
                MonthOfYear = m + 1, WorkingDays = 21,
                CountyOverdueRate3m = 0.02f,
                DueCases = 40,
                OverdueCases = troubled ? 12 : rng.NextDouble() < 0.1 ? 1 : 0,
            });
        }
        return rows;
    }

    [Fact]
    public void A_clearly_overdue_prone_window_ranks_first_and_says_why()
    {
        var rows = Windows(1);
        var last = rows.Max(r => r.Month);
        var model = WindowModel.Train(rows.Where(r => r.Month < last).ToList(), labelThreshold: 1, seed: 3);
        var flags = Flagging.RankWindows(model, rows.Where(r => r.Month == last).ToList());

        var first = flags[0];
        Assert.Equal("W07", first.Code);
        Assert.True(first.Score > 0.5, $"calibrated probability {first.Score}");
        // Calibrated: the ordinary windows, overdue in one month of ten, average close to that rate.
        Assert.InRange(flags.Skip(1).Average(f => f.Score), 0.04, 0.2);
        Assert.InRange(first.Reasons.Count, 1, 3);
        Assert.Contains(first.Reasons, r => r.Contains("超期率") || r.Contains("A岗空缺"));
    }

    [Fact]
    public void Problems_found_by_unannounced_visits_teach_the_window_model_what_overdue_counts_alone_do_not()
    {
        // Windows 20-23 have a high complaint rate and are found with problems on every unannounced visit, but never
        // let a case go overdue. Without the visit label the model has no reason to rank them; with it, it does.
        var rows = Windows(5);
        foreach (var r in rows.Where(r => r.WindowCode is "W20" or "W21" or "W22" or "W23"))
        {
            r.UpheldPer1003m = 4;
            r.OverdueCases = 0;
            r.VisitProblems = 2;
        }
        var last = rows.Max(r => r.Month);
        var month = rows.Where(r => r.Month == last && r.WindowCode != "W07").ToList();
        var flags = Flagging.RankWindows(WindowModel.Train(rows.Where(r => r.Month < last).ToList(), 1, seed: 3), month);
        Assert.Equal(["W20", "W21", "W22", "W23"], flags.Take(4).Select(f => f.Code).Order());

        foreach (var r in rows) r.VisitProblems = 0;
        var blind = Flagging.RankWindows(WindowModel.Train(rows.Where(r => r.Month < last).ToList(), 1, seed: 3), month);
        Assert.True(blind.Take(4).Count(f => f.Code is "W20" or "W21" or "W22" or "W23") < 4);
    }

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_scores()
    {
        var rows = Windows(2);
        var last = rows.Max(r => r.Month);
        var month = rows.Where(r => r.Month == last).ToList();
        var a = Flagging.RankWindows(WindowModel.Train(rows.Where(r => r.Month < last).ToList(), 1, seed: 9), month);
        var b = Flagging.RankWindows(WindowModel.Train(rows.Where(r => r.Month < last).ToList(), 1, seed: 9), month);
        Assert.Equal(a.Select(f => (f.Code, f.Score, string.Join("|", f.Reasons))), b.Select(f => (f.Code, f.Score, string.Join("|", f.Reasons))));
    }

    [Fact]
    public void A_saved_model_scores_like_the_one_trained()
    {
        using var dir = new TempDir();
        var rows = Windows(4);
        var last = rows.Max(r => r.Month);
        var month = rows.Where(r => r.Month == last).ToList();
        var trained = WindowModel.Train(rows.Where(r => r.Month < last).ToList(), 1, seed: 5);
        trained.Save(dir.File("w.zip"));
        var loaded = WindowModel.Load(dir.File("w.zip"), seed: 5);
        Assert.Equal(Flagging.RankWindows(trained, month).Select(f => f.Score), Flagging.RankWindows(loaded, month).Select(f => f.Score));
    }

    private static List<CenterSignals> Centers()
    {
        var rng = new Random(5);
        var rows = new List<CenterSignals>();
        for (var m = 0; m < 8; m++)
        for (var c = 0; c < 12; c++)
        {
            var empty = c == 4 && m == 7; // in the scored month: an empty hall on video and a burst of back-filled cases
            rows.Add(new CenterSignals
            {
                CenterCode = $"5119221{c:D2}", CenterName = $"中心{c}", Month = new DateOnly(2025, 1, 1).AddMonths(m),
                Cases = 150, VideoChecks = 6, Callbacks = 40,
                CasesPer1000 = 6 + (float)rng.NextDouble(),
                EmptyPostShare = empty ? 0.67f : rng.NextDouble() < 0.2 ? 0.17f : 0,
                BackfillShare = empty ? 0.35f : 0,
                PhoneReuseShare = 0,
                UnreachableShare = 0.05f + 0.05f * (float)rng.NextDouble(),
                IdleStaffShare = rng.NextDouble() < 0.2 ? 0.1f : 0,
                ComplaintsPer10006m = 2 + 2 * (float)rng.NextDouble(),
            });
        }
        return rows;
    }

    [Fact]
    public void A_center_with_an_empty_hall_and_a_pre_inspection_burst_is_flagged_with_those_two_reasons()
    {
        var rows = Centers();
        var last = rows.Max(r => r.Month);
        var model = CenterModel.Train(rows.Where(r => r.Month < last).ToList(), seed: 1);
        var flags = Flagging.RankCenters(model, rows.Where(r => r.Month == last).ToList());

        var first = flags[0];
        Assert.Equal("511922104", first.Code);
        Assert.Equal(2, first.Reasons.Count(r => r.Contains("大厅无人") || r.Contains("明查前")));
        Assert.Contains(first.Reasons, r => r.StartsWith("视频抽查 67% 发现大厅无人", StringComparison.Ordinal));
        Assert.Contains(first.Reasons, r => r.StartsWith("35% 的办件在明查前 3 天内集中补录", StringComparison.Ordinal));
        Assert.True(first.Score > 2 * flags[1].Score, $"{first.Score} vs {flags[1].Score}");
    }

    [Theory]
    [InlineData(new[] { 0.9, 0.8, 0.1 }, new[] { true, false, false }, 1.0)]
    [InlineData(new[] { 0.9, 0.8, 0.1 }, new[] { false, false, true }, 0.0)]
    [InlineData(new[] { 0.5, 0.5, 0.1 }, new[] { true, false, false }, 0.75)]
    public void Auc_counts_pairs_ranked_right_and_ties_as_half(double[] scores, bool[] positives, double expected) =>
        Assert.Equal(expected, RankingMetrics.Auc(scores.Zip(positives).Select(x => (x.First, x.Second)).ToList()));

    [Fact]
    public void Precision_and_recall_at_k_read_the_top_of_the_ranking()
    {
        var ranked = new List<(double, bool)> { (0.9, true), (0.8, false), (0.7, true), (0.1, true) };
        Assert.Equal(2 / 3.0, RankingMetrics.PrecisionAt(3, ranked));
        Assert.Equal(2 / 3.0, RankingMetrics.RecallAt(3, ranked));
        Assert.Equal(0.75, RankingMetrics.PrecisionAt(10, ranked)); // fewer than k: over what there is
    }
}
