using System.Text.Json;
using Oversight.Analytics;
using Oversight.Tests.Demo;

namespace Oversight.Tests.Analytics;

/// <summary>The models on the demo county, judged against the planted truth the models never read.</summary>
public class DemoFlagTests(DemoCountyFixture demo) : IClassFixture<DemoCountyFixture>
{
    private static readonly FlagSettings Settings = new();

    [Fact]
    public void The_ranking_basis_chosen_by_the_backtest_does_at_least_as_well_as_both_rules_on_the_rate_label()
    {
        var all = Flagging.WindowRows(demo.Warehouse.Connection, new DateOnly(2000, 1, 1), new DateOnly(2026, 11, 1));
        var backtest = Backtest.Windows(all, new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 1), Settings.Seed);
        var choice = RankingChoice.Choose(backtest);
        var figures = choice.Figures.ToDictionary(f => f.Method);
        Assert.Equal(12, choice.Months);
        Assert.True(choice.Chosen!.PrecisionAt10 >= figures[RankingMethod.LastMonth].PrecisionAt10);
        Assert.True(choice.Chosen!.PrecisionAt10 >= figures[RankingMethod.Shrunk3m].PrecisionAt10);
        Assert.True(choice.Chosen!.PrecisionAt10 >= figures[RankingMethod.Model].PrecisionAt10);
        Assert.StartsWith("排序依据：", choice.Text);
    }

    [Fact]
    public void Every_planted_empty_center_is_in_the_top_5_of_its_months_with_at_most_one_other_center_above_it()
    {
        var all = Flagging.CenterRows(demo.Warehouse.Connection, new DateOnly(2000, 1, 1), new DateOnly(2026, 11, 1));
        var planted = demo.Truth.GetProperty("empty_centers").EnumerateArray().Select(e => e.GetProperty("center_code").GetString()!).ToHashSet();
        Assert.Equal(2, planted.Count);
        var months = all.Select(r => r.Month).Distinct().Order().Skip(1).ToList(); // the first month has no history to train on
        foreach (var month in months)
        {
            var model = CenterModel.Train(all.Where(r => r.Month < month).ToList(), Settings.Seed);
            var flags = Flagging.RankCenters(model, all.Where(r => r.Month == month).ToList(), EvidenceSettings.Default);
            foreach (var code in planted)
            {
                var flag = flags.Single(f => f.Code == code);
                var othersAbove = flags.Count(f => f.Rank < flag.Rank && !planted.Contains(f.Code));
                Assert.True(flag.Rank <= 5 && othersAbove <= 1, $"{month:yyyy-MM}: {code} ranked {flag.Rank} with {othersAbove} other centers above");
                Assert.True(flag.Listed, $"{month:yyyy-MM}: {code} not listed");
                Assert.NotEmpty(flag.Reasons);
            }
        }
    }

    [Fact]
    public void A_planted_understaffed_window_is_in_the_top_5_a_month_after_its_A_post_left_with_the_vacancy_among_its_reasons()
    {
        var planted = demo.Truth.GetProperty("overdue_prone_windows").EnumerateArray().Last();
        var code = planted.GetProperty("window_code").GetString()!;
        var month = DateOnly.Parse(planted.GetProperty("from_month").GetString()! + "-01").AddMonths(1);
        var rows = Flagging.WindowRows(demo.Warehouse.Connection, new DateOnly(2000, 1, 1), month.AddMonths(1));
        var model = WindowModel.Train(rows.Where(r => r.Month < month).ToList(), Settings.Seed);
        var current = rows.Where(r => r.Month == month).ToList();
        var flag = Flagging.RankWindows(current, model.Score(current).Select(p => (double)p).ToList(), EvidenceSettings.Default.Alpha)
            .Single(f => f.Code == code);
        Assert.True(flag.Rank <= 5, $"{code} ranked {flag.Rank} in {month:yyyy-MM}");
        Assert.True(flag.Listed);
        Assert.Contains(flag.Reasons, r => r.Contains("A岗空缺"));
    }

    [Fact]
    public void Flags_as_json_have_the_documented_shape_and_repeat_exactly()
    {
        var w = demo.Warehouse;
        w.Close();
        try
        {
            var train = CliProcess.Run(["train", "--as-of", "2026-10-01", "--db", w.DbPath]);
            Assert.True(train.ExitCode == 0, train.StdErr);
            var first = CliProcess.Run(["flags", "--month", "2026-10", "--format", "json", "--db", w.DbPath]);
            var second = CliProcess.Run(["flags", "--month", "2026-10", "--format", "json", "--db", w.DbPath]);
            Assert.True(first.ExitCode == 0, first.StdErr);
            Assert.Equal(first.StdOut, second.StdOut);

            var flags = JsonDocument.Parse(first.StdOut).RootElement.EnumerateArray().ToList();
            Assert.Equal(["kind", "code", "name", "center", "score", "rank", "reasons"], flags[0].EnumerateObject().Select(p => p.Name));
            Assert.Equal(["center", "window"], flags.Select(f => f.GetProperty("kind").GetString()).Distinct().Order());
            // Only what the evidence supports is listed: the two planted empty centers, not all 32.
            var centers = flags.Where(f => f.GetProperty("kind").GetString() == "center").ToList();
            Assert.InRange(centers.Count, 2, 8);
            Assert.All(flags, f => Assert.NotEqual(0, f.GetProperty("reasons").GetArrayLength()));
        }
        finally
        {
            w.Reopen();
        }
        Assert.Equal(2L, w.Scalar<long>("SELECT count(*) FROM ml_model WHERE as_of = DATE '2026-10-01' AND train_to < DATE '2026-10-01'"));
        Assert.True(File.Exists(w.Scalar<string>("SELECT path FROM ml_model WHERE kind = 'window' ORDER BY model_id DESC LIMIT 1")));
        Assert.Equal(1L, w.Scalar<long>("SELECT count(*) FROM ml_flag WHERE month = DATE '2026-10-01' AND kind = 'window' AND rank = 1"));
    }
}
