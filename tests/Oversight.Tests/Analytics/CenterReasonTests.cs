using Oversight.Analytics;

namespace Oversight.Tests.Analytics;

/// <summary>The empty-center flags' reasons point the way of the flag (few cases and no complaints are signs of an
/// empty hall, many complaints or many cases are not), rest on the sample behind them, and only a center with such a
/// reason is listed.</summary>
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
                Cases = 300, VideoChecks = 6, Callbacks = 30, Population = 50000, Cases6m = 1800, Complaints6m = 6,
                CountyComplaintRate6m = 0.003f, CountyUnreachableRate = 0.06f, CountyEmptyPostRate = 0.03f,
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

    private static Flag FlagOf(List<CenterSignals> rows, string code)
    {
        var last = rows.Max(r => r.Month);
        var model = CenterModel.Train(rows.Where(r => r.Month < last).ToList(), seed: 3);
        var flags = Flagging.RankCenters(model, rows.Where(r => r.Month == last).ToList(), EvidenceSettings.Default);
        Assert.All(flags.Where(f => f.Listed), f => Assert.NotEmpty(f.Reasons));
        Assert.All(flags.Where(f => !f.Listed), f => Assert.Empty(f.Reasons));
        return flags.Single(f => f.Code == code);
    }

    [Fact]
    public void A_center_with_many_complaints_and_many_cases_is_never_given_them_as_signs_of_an_empty_hall()
    {
        var flag = FlagOf(County(r =>
        {
            (r.ComplaintsPer10006m, r.Complaints6m) = (25, 45);
            (r.CasesPer1000, r.Cases) = (30, 1500);
            (r.EmptyPostShare, r.BackfillShare, r.PhoneReuseShare, r.UnreachableShare, r.IdleStaffShare) = (0, 0, 0, 0.05f, 0);
        }), "C05");
        Assert.False(flag.Listed);
        Assert.Empty(flag.Reasons);
    }

    [Fact]
    public void A_center_with_few_cases_and_no_complaints_where_several_were_due_is_given_them_as_reasons()
    {
        // 1,800 cases in six months at the county's 3 per 1,000: about 5.4 complaints expected, none came.
        var flag = FlagOf(County(r => { (r.ComplaintsPer10006m, r.Complaints6m) = (0, 0); (r.CasesPer1000, r.Cases) = (1, 50); }), "C05");
        Assert.True(flag.Listed);
        Assert.Contains(flag.Reasons, r => r.StartsWith("每千名户籍人口办件 1 件", StringComparison.Ordinal));
        Assert.Contains(flag.Reasons, r => r.StartsWith("近6个月办件 1800 件，没有任何投诉（按全县投诉率应有约 5.4 件）", StringComparison.Ordinal));
    }

    [Fact]
    public void A_small_center_is_not_flagged_on_sampling_artefacts()
    {
        // 300 cases in six months: the county's rate predicts 0.9 complaints, so none is no sign; 3 of 10 callbacks
        // unreached against the county's 6% is within chance at the evidence threshold.
        var flag = FlagOf(County(r =>
        {
            (r.Cases6m, r.Complaints6m, r.ComplaintsPer10006m) = (300, 0, 0);
            (r.Callbacks, r.Unreached, r.UnreachableShare) = (10, 3, 0.3f);
        }), "C05");
        Assert.False(flag.Listed);
        Assert.Empty(flag.Reasons);
    }

    [Theory]
    [InlineData(3, 10, 0.06, 0.0188)]   // P(X >= 3), Binomial(10, 0.06)
    [InlineData(0, 1800, 0.003, 0.00448)] // P(X = 0) = 0.997^1800
    public void The_evidence_test_is_the_exact_binomial_tail(int events, int sample, double rate, double expected)
    {
        var e = new RateEvidence(events, sample, rate);
        Assert.Equal(expected, events == 0 ? e.ChanceOfAtMost : e.ChanceOfAtLeast, 3);
    }
}
