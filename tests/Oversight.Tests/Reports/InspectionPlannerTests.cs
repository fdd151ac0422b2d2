using Oversight.Reports.Inspection;

namespace Oversight.Tests.Reports;

/// <summary>Who the inspection plan proposes: strongest evidence first, not the same place on the same evidence two
/// months running, every center within a year, unpredictable without the key but reproducible with it.</summary>
public class InspectionPlannerTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly DateOnly March = new(2026, 3, 1);

    private static List<PlanCandidate> County(int centers, Func<int, double>? priority = null) =>
        Enumerable.Range(1, centers)
            .Select(i => new PlanCandidate($"C{i:D2}", priority?.Invoke(i) ?? 1.0 / i, $"key{i}"))
            .ToList();

    [Fact]
    public void The_center_with_the_strongest_evidence_is_proposed_first_whatever_the_key()
    {
        var candidates = County(32, i => i == 17 ? 0.9 : 0.1 + i / 1000.0);
        for (var k = 0; k < 20; k++)
        {
            var plan = new InspectionPlanner([(byte)k, .. Key], 8).Draw(March, candidates, []);
            Assert.Equal("C17", plan.Proposals[0].CenterCode);
            Assert.Equal(InspectionPlanner.Evidence, plan.Proposals[0].Basis);
        }
    }

    [Fact]
    public void A_pinned_center_is_proposed_even_with_weak_overall_evidence_unless_held_back()
    {
        var candidates = County(32, i => i == 30 ? 0.01 : 0.5 + i / 100.0);
        candidates[29] = candidates[29] with { Pinned = true };
        for (var k = 0; k < 10; k++)
            Assert.Contains(new InspectionPlanner([(byte)k, .. Key], 8).Draw(March, candidates, []).Proposals,
                p => p is { CenterCode: "C30", Basis: InspectionPlanner.Evidence });

        var heldBack = new InspectionPlanner(Key, 8).Draw(March, candidates, [new PastProposal(March.AddMonths(-1), "C30", "key30")]);
        Assert.DoesNotContain(heldBack.Proposals, p => p.CenterCode == "C30");
    }

    [Fact]
    public void Every_center_with_strong_empty_hall_evidence_is_proposed_every_month_even_beyond_the_plan_size()
    {
        // Three strong centers with weak overall priority, a plan of two places, and each proposed last month on the
        // same evidence: randomness and hold-back never leave one out.
        var candidates = County(32, i => i is 5 or 18 or 27 ? 0.05 : 0.5 + i / 100.0);
        foreach (var i in new[] { 4, 17, 26 }) candidates[i] = candidates[i] with { Strong = true };
        var history = new[] { "C05", "C18", "C27" }.Select(c => new PastProposal(March.AddMonths(-1), c, "key" + c[1..].TrimStart('0'))).ToList();
        for (var k = 0; k < 10; k++)
        {
            var plan = new InspectionPlanner([(byte)k, .. Key], 2).Draw(March, candidates, history);
            Assert.Equal(["C05", "C18", "C27"], plan.Proposals.Select(p => p.CenterCode).Order());
            Assert.All(plan.Proposals, p => Assert.Equal(InspectionPlanner.Evidence, p.Basis));
        }
    }

    [Fact]
    public void A_plan_has_the_requested_size_with_ceil_n_over_12_rotation_places_and_no_center_twice()
    {
        var plan = new InspectionPlanner(Key, 8).Draw(March, County(32), []);
        Assert.Equal(8, plan.Proposals.Count);
        Assert.Equal(3, plan.Proposals.Count(p => p.Basis == InspectionPlanner.Rotation));
        Assert.Equal(8, plan.Proposals.Select(p => p.CenterCode).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 8), plan.Proposals.Select(p => p.Position));
    }

    [Fact]
    public void A_center_proposed_last_month_on_the_same_evidence_is_held_back_and_returns_when_its_evidence_changes()
    {
        var candidates = County(32, i => i == 1 ? 1.0 : 0.05);
        var february = new PastProposal(March.AddMonths(-1), "C01", "key1");

        var same = new InspectionPlanner(Key, 8).Draw(March, candidates, [february]);
        Assert.DoesNotContain(same.Proposals, p => p.CenterCode == "C01");
        Assert.Equal(["C01"], same.HeldBack);

        candidates[0] = candidates[0] with { EvidenceKey = "key1-new-complaints" };
        var changed = new InspectionPlanner(Key, 8).Draw(March, candidates, [february]);
        Assert.Equal("C01", changed.Proposals[0].CenterCode);
        Assert.Empty(changed.HeldBack);
    }

    [Fact]
    public void Over_any_twelve_monthly_plans_every_center_is_proposed_at_least_once_even_when_the_evidence_never_changes()
    {
        // A county where a handful of centers always carry the evidence and the rest are quiet.
        var candidates = County(40, i => i <= 5 ? 0.9 - i / 100.0 : 0.0);
        var history = new List<PastProposal>();
        for (var m = 0; m < 24; m++)
        {
            var month = March.AddMonths(m);
            var plan = new InspectionPlanner(Key, 6).Draw(month, candidates, history);
            history.AddRange(plan.Proposals.Select(p => new PastProposal(month, p.CenterCode, p.EvidenceKey)));
        }
        for (var start = 0; start + 12 <= 24; start++)
        {
            var window = history.Where(h => h.Month >= March.AddMonths(start) && h.Month < March.AddMonths(start + 12)).Select(h => h.CenterCode).ToHashSet();
            Assert.Equal(40, window.Count);
        }
        // ...and no center is proposed in consecutive months on unchanged evidence.
        foreach (var g in history.GroupBy(h => h.CenterCode))
            Assert.DoesNotContain(g, h => g.Any(o => o.Month == h.Month.AddMonths(-1) && o.EvidenceKey == h.EvidenceKey));
    }

    [Fact]
    public void Rotation_places_go_to_the_centers_longest_without_a_proposal()
    {
        var candidates = County(24, _ => 0.0);
        var history = candidates.Where(c => c.CenterCode is not ("C05" or "C09"))
            .Select(c => new PastProposal(March.AddMonths(-3), c.CenterCode, c.EvidenceKey)).ToList();
        var plan = new InspectionPlanner(Key, 2).Draw(March, candidates, history);
        Assert.Equal(["C05", "C09"], plan.Proposals.Select(p => p.CenterCode).Order());
        Assert.All(plan.Proposals, p => Assert.Null(p.LastProposed));
    }

    [Fact]
    public void The_same_key_and_month_reproduce_the_plan_while_other_keys_or_months_draw_differently()
    {
        var candidates = County(32, i => 0.5 + (i % 7) / 20.0);
        string Draw(byte[] key, DateOnly month) =>
            string.Join(",", new InspectionPlanner(key, 8).Draw(month, candidates, []).Proposals.Select(p => p.CenterCode).Order());

        Assert.Equal(Draw(Key, March), Draw([.. Key], March));
        Assert.True(Enumerable.Range(0, 10).Select(k => Draw([(byte)k, .. Key], March)).Distinct().Count() >= 5);
        Assert.True(Enumerable.Range(0, 10).Select(m => Draw(Key, March.AddMonths(m))).Distinct().Count() >= 5);
    }
}
