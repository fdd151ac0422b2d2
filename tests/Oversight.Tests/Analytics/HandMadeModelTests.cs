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
                OverdueShrunk1m = troubled ? 0.25f : 0.02f * (float)rng.NextDouble(),
                OverdueShrunk3m = troubled ? 0.3f : 0.015f * (float)rng.NextDouble(),
                OverdueShrunk6m = troubled ? 0.25f : 0.015f * (float)rng.NextDouble(),
                Overdue3m = troubled ? 36 : 1, Due3m = 120, Overdue6m = troubled ? 60 : 3, Due6m = 240,
                Overdue1m = troubled ? 12 : 0, Due1m = 40, CountyOverdueRate1m = 0.02f, CountyOverdueRate6m = 0.02f,
                CasesPerStaffDay = 1 + (float)rng.NextDouble(),
                VacantAPost = troubled ? 1 : 0,
                TemporaryShare = troubled ? 1 : 0.3f * (float)rng.NextDouble(),
                StaffOnRoster = troubled ? 1 : 2,
                LongItemShare3m = 0.3f,
                MonthOfYear = m + 1, WorkingDays = 21,
                CountyOverdueRate3m = 0.02f,
                DueCases = 40,
                OverdueProne = troubled || rng.NextDouble() < 0.1,
            });
        }
        return rows;
    }

    private static IReadOnlyList<Flag> Rank(WindowModel model, IReadOnlyList<WindowFeatures> month) =>
        Flagging.RankWindows(month, model.Score(month).Select(p => (double)p).ToList(), EvidenceSettings.Default.Alpha);

    [Fact]
    public void A_clearly_overdue_prone_window_ranks_first_and_says_why()
    {
        var rows = Windows(1);
        var last = rows.Max(r => r.Month);
        var model = WindowModel.Train(rows.Where(r => r.Month < last).ToList(), seed: 3);
        var flags = Rank(model, rows.Where(r => r.Month == last).ToList());

        var first = flags[0];
        Assert.Equal("W07", first.Code);
        Assert.True(first.Score > 0.5, $"calibrated probability {first.Score}");
        // Calibrated: the ordinary windows, overdue-prone in one month of ten, average close to that rate.
        Assert.InRange(flags.Skip(1).Average(f => f.Score), 0.04, 0.2);
        Assert.InRange(first.Reasons.Count, 1, 3);
        Assert.Contains(first.Reasons, r => r.StartsWith("近3个月到期 120 件中超期 36 件，超期率 30%", StringComparison.Ordinal));
        Assert.True(first.Listed);
        // Ordinary windows (1 late case of 120 against a county at 2%) are not listed and give no reason.
        Assert.All(flags.Skip(1), f => Assert.False(f.Listed));
        Assert.All(flags.Skip(1), f => Assert.Empty(f.Reasons));
    }

    [Fact]
    public void Equal_scores_share_a_rank()
    {
        Assert.Equal([1, 2, 2, 4], RankingMethod.Ranks([0.9, 0.5, 0.5, 0.1]));
    }

    [Fact]
    public void Training_twice_on_the_same_data_gives_the_same_scores()
    {
        var rows = Windows(2);
        var last = rows.Max(r => r.Month);
        var month = rows.Where(r => r.Month == last).ToList();
        var a = Rank(WindowModel.Train(rows.Where(r => r.Month < last).ToList(), seed: 9), month);
        var b = Rank(WindowModel.Train(rows.Where(r => r.Month < last).ToList(), seed: 9), month);
        Assert.Equal(a.Select(f => (f.Code, f.Score, string.Join("|", f.Reasons))), b.Select(f => (f.Code, f.Score, string.Join("|", f.Reasons))));
    }

    [Fact]
    public void A_saved_model_scores_like_the_one_trained()
    {
        using var dir = new TempDir();
        var rows = Windows(4);
        var last = rows.Max(r => r.Month);
        var month = rows.Where(r => r.Month == last).ToList();
        var trained = WindowModel.Train(rows.Where(r => r.Month < last).ToList(), seed: 5);
        trained.Save(dir.File("w.zip"));
        var loaded = WindowModel.Load(dir.File("w.zip"), seed: 5);
        Assert.Equal(trained.Score(month), loaded.Score(month));
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
                Cases = 150, VideoChecks = 6, Callbacks = 40, Population = 25000,
                EmptyPosts = empty ? 4 : 0, Backfilled = empty ? 52 : 0, CountyEmptyPostRate = 0.06f, CountyBackfillRate = 0.03f,
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
        var flags = Flagging.RankCenters(model, rows.Where(r => r.Month == last).ToList(), EvidenceSettings.Default);

        var first = flags[0];
        Assert.Equal("511922104", first.Code);
        Assert.Equal(2, first.Reasons.Count);
        Assert.Contains(first.Reasons, r => r.StartsWith("视频抽查 6 次中 4 次发现大厅无人或空岗、离岗，占 66.7%", StringComparison.Ordinal));
        Assert.Contains(first.Reasons, r => r.StartsWith("办件 150 件中 52 件在明查前 3 天内集中补录", StringComparison.Ordinal));
        Assert.True(first is { Listed: true, Strong: true });
        Assert.True(first.Score > 2 * flags[1].Score, $"{first.Score} vs {flags[1].Score}");
        Assert.All(flags.Skip(1), f => Assert.False(f.Listed));
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
