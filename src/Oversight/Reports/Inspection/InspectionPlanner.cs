using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Oversight.Reports.Inspection;

/// <summary>A center the plan may propose: how strong the evidence is (0..1) and a coarse key of what it is.
/// <see cref="Pinned"/>: proposed whenever it is not held back (the top listed center or window of the flags).
/// <see cref="Strong"/>: empty-hall or fabrication evidence past the strong threshold — always proposed, never held
/// back, even when that makes the plan longer than its size.</summary>
public sealed record PlanCandidate(string CenterCode, double Priority, string EvidenceKey, bool Pinned = false, bool Strong = false);

/// <summary>A center an earlier plan proposed.</summary>
public sealed record PastProposal(DateOnly Month, string CenterCode, string EvidenceKey);

/// <summary>One line of the plan. Basis is "evidence" (chosen for what the data shows) or "rotation" (chosen because
/// it had gone longest without being proposed).</summary>
public sealed record Proposal(int Position, string CenterCode, string Basis, string EvidenceKey, double Priority, DateOnly? LastProposed);

public sealed record Plan(IReadOnlyList<Proposal> Proposals, IReadOnlyList<string> HeldBack);

/// <summary>
/// Chooses which centers an inspection plan proposes, so that the plan is hard to predict from outside and still
/// covers every center:
/// <list type="bullet">
/// <item>centers with strong empty-hall or fabrication evidence are always proposed (randomness never leaves one out);
/// pinned centers and the center with the strongest evidence are proposed; the other evidence places are drawn
/// at random from the strongest twice-as-many, weighted by the square of the evidence (weighted sampling without
/// replacement, Efraimidis–Spirakis);</item>
/// <item>a center proposed last month on the same evidence key is held back this month;</item>
/// <item>ceil(centers / 12) places go to the centers that have gone longest without being proposed, so every center
/// is proposed at least once in any 12 consecutive plans.</item>
/// </list>
/// The randomness is derived from the deployment's secret key and the month, so a plan can be reproduced for audit
/// but a township cannot compute it.
/// </summary>
public sealed class InspectionPlanner(byte[] key, int planSize)
{
    public const string Evidence = "evidence";
    public const string Rotation = "rotation";

    public Plan Draw(DateOnly month, IReadOnlyList<PlanCandidate> candidates, IReadOnlyList<PastProposal> history)
    {
        var strong = candidates.Where(c => c.Strong).OrderByDescending(c => c.Priority).ThenBy(c => c.CenterCode, StringComparer.Ordinal).ToList();
        var size = Math.Max(strong.Count, Math.Min(planSize, candidates.Count));
        var rotationPlaces = Math.Min(size - strong.Count, (candidates.Count + 11) / 12);
        var lastMonth = month.AddMonths(-1);
        var proposedLastMonth = history.Where(h => h.Month == lastMonth).ToDictionary(h => h.CenterCode, h => h.EvidenceKey);
        var heldBack = candidates
            .Where(c => !c.Strong && proposedLastMonth.TryGetValue(c.CenterCode, out var k) && k == c.EvidenceKey)
            .Select(c => c.CenterCode).ToHashSet();
        var lastProposed = history.GroupBy(h => h.CenterCode).ToDictionary(g => g.Key, g => g.Max(h => h.Month));

        var evidencePlaces = size - rotationPlaces;
        var pool = candidates.Where(c => c.Priority > 0 && !heldBack.Contains(c.CenterCode))
            .OrderByDescending(c => c.Priority).ThenBy(c => c.CenterCode, StringComparer.Ordinal)
            .Take(2 * evidencePlaces).ToList();
        var sure = strong
            .Concat(pool.Take(1))
            .Concat(candidates.Where(c => c.Pinned && !heldBack.Contains(c.CenterCode)).OrderByDescending(c => c.Priority))
            .Distinct().Take(Math.Max(strong.Count, evidencePlaces)).ToList();
        var chosen = sure.Select(c => (Candidate: c, Basis: Evidence)).ToList();
        chosen.AddRange(pool.Except(sure)
            .OrderByDescending(c => Math.Log(Uniform(month, "evidence", c.CenterCode)) / (c.Priority * c.Priority))
            .Take(evidencePlaces - chosen.Count)
            .Select(c => (c, Evidence)));

        // Rotation fills the remaining places: longest without a proposal first (never proposed before all), ties
        // in key-derived random order.
        var taken = chosen.Select(c => c.Candidate.CenterCode).ToHashSet();
        chosen.AddRange(candidates
            .Where(c => !taken.Contains(c.CenterCode) && !heldBack.Contains(c.CenterCode))
            .OrderBy(c => lastProposed.TryGetValue(c.CenterCode, out var m) ? m : DateOnly.MinValue)
            .ThenBy(c => Uniform(month, "rotation", c.CenterCode))
            .Take(size - chosen.Count)
            .Select(c => (c, Rotation)));

        var proposals = chosen
            .OrderBy(c => c.Basis == Evidence ? 0 : 1).ThenByDescending(c => c.Candidate.Priority)
            .Select((c, i) => new Proposal(i + 1, c.Candidate.CenterCode, c.Basis, c.Candidate.EvidenceKey, c.Candidate.Priority,
                lastProposed.TryGetValue(c.Candidate.CenterCode, out var m) ? m : null))
            .ToList();
        return new Plan(proposals, heldBack.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>A number in (0, 1] that only the key holder can compute, fixed for a month, purpose and center.</summary>
    private double Uniform(DateOnly month, string purpose, string centerCode)
    {
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{month:yyyy-MM}|{purpose}|{centerCode}"));
        var bits = BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11; // 53 bits
        return (bits + 1.0) / (1UL << 53);
    }
}
