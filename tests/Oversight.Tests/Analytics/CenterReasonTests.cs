using Oversight.Analytics;

namespace Oversight.Tests.Analytics;

/// <summary>The empty-center model's reasons point the way of the flag: few cases and no complaints are signs of an
/// empty hall, many complaints or many cases are not; and every center it ranks says why.</summary>
public class CenterReasonTests
{
    private static List<CenterSignals> County(Action<CenterSignals>? odd = null)
    {
        var rng = new Random(11);
        var rows = new List<CenterSignals>();
        for (var m = 0; m < 10; m++)
        for (var c = 0; c < 20; c++)
        {
            var row = new CenterSignals
            {
                CenterCode = $"C{c:D2}", CenterName = $"中心{c}", Month = new DateOnly(2025, 1, 1).AddMonths(m),
                Cases = 300, VideoChecks = 6, Callbacks = 30,
                CasesPer1000 = 6 + (float)rng.NextDouble(),
                EmptyPostShare = 0.05f * (float)rng.NextDouble(),
                BackfillShare = 0.01f * (float)rng.NextDouble(),
                PhoneReuseShare = 0.01f * (float)rng.NextDouble(),
                UnreachableShare = 0.05f + 0.02f * (float)rng.NextDouble(),
                IdleStaffShare = 0.1f * (float)rng.NextDouble(),
                ComplaintsPer10006m = 3 + (float)rng.NextDouble(),
            };
            if (c == 5 && m == 9) odd?.Invoke(row);
            rows.Add(row);
        }
        return rows;
    }

    private static IReadOnlyList<string> ReasonsOf(List<CenterSignals> rows, string code)
    {
        var last = rows.Max(r => r.Month);
        var model = CenterModel.Train(rows.Where(r => r.Month < last).ToList(), seed: 3);
        var flags = Flagging.RankCenters(model, rows.Where(r => r.Month == last).ToList());
        Assert.All(flags, f => Assert.NotEmpty(f.Reasons));
        return flags.Single(f => f.Code == code).Reasons;
    }

    [Fact]
    public void A_center_with_many_complaints_and_many_cases_is_never_given_them_as_signs_of_an_empty_hall()
    {
        var reasons = ReasonsOf(County(r =>
        {
            r.ComplaintsPer10006m = 25;
            r.CasesPer1000 = 30;
            (r.EmptyPostShare, r.BackfillShare, r.PhoneReuseShare, r.UnreachableShare, r.IdleStaffShare) = (0, 0, 0, 0.05f, 0);
        }), "C05");
        Assert.DoesNotContain(reasons, r => r.Contains("投诉") || r.Contains("办件"));
        Assert.Equal([CenterModel.NoSuspiciousSignal], reasons);
    }

    [Fact]
    public void A_center_with_few_cases_and_no_complaints_is_given_them_as_reasons()
    {
        var reasons = ReasonsOf(County(r => { r.ComplaintsPer10006m = 0; r.CasesPer1000 = 1; }), "C05");
        Assert.Contains(reasons, r => r.StartsWith("每千名户籍人口办件 1 件", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("近6个月没有任何投诉", StringComparison.Ordinal));
    }

    [Fact]
    public void A_center_only_mildly_worse_than_usual_still_says_which_figure_it_is()
    {
        // Unreachable callbacks a little above the county's, not enough for a red flag or a strong deviation.
        var reasons = ReasonsOf(County(r =>
        {
            (r.CasesPer1000, r.ComplaintsPer10006m) = (6.5f, 3.5f);
            (r.EmptyPostShare, r.BackfillShare, r.PhoneReuseShare, r.IdleStaffShare) = (0.025f, 0.005f, 0.005f, 0.05f);
            r.UnreachableShare = 0.072f;
        }), "C05");
        var reason = Assert.Single(reasons);
        Assert.StartsWith("程度较轻：回访未接通率", reason);
    }
}
