namespace Oversight.Assessment;

/// <summary>Why a subject may not be honoured in a quarter (the ranking's 不参加评优的原因, the credibility gate's findings):
/// a fact, worded by report-templates/annual/sentences.sbn (ineligible, picked by <see cref="Kind"/>). A year gathers the
/// quarters' reasons of one <see cref="Group"/> (the sentence's heading, e.g. 办件量过少) into one <see cref="InQuarters"/>.
/// Figures are formatted.</summary>
public abstract record Ineligibility(string Kind, string Group)
{
    /// <summary>The group of a veto, which the ranking gives a column of its own.</summary>
    public const string Veto = "veto";

    /// <summary>A center's finding given as the reason of its staff (所在中心…).</summary>
    public bool AtCenter { get; init; }
}

/// <summary>A veto rule barred the quarter.</summary>
public sealed record VetoedReason() : Ineligibility(Veto, Veto);

/// <summary>空壳大厅: <see cref="Empty"/> of <see cref="Checks"/> video checks found nobody at the post.</summary>
public sealed record EmptyHallReason(string Checks, string Empty) : Ineligibility("emptyHall", "emptyHall");

/// <summary>补录造假: <see cref="Backfilled"/> of <see cref="Cases"/> cases were entered more than <see cref="Hours"/> hours late.</summary>
public sealed record BackfilledReason(string Cases, string Backfilled, string Hours) : Ineligibility("backfilled", "backfilled");

/// <summary>Too few cases for the township's residents (per thousand registered residents).</summary>
public sealed record FewPerResidentReason(string PerThousand, string Minimum) : Ineligibility("fewPerResident", "fewCases");

/// <summary>Too few cases for the center's windows.</summary>
public sealed record FewPerWindowReason(string PerWindow, string Minimum) : Ineligibility("fewPerWindow", "fewCases");

/// <summary>样本不足: fewer cases handled than the gate's min_cases.</summary>
public sealed record SmallSampleReason(string Cases, string Minimum) : Ineligibility("smallSample", "smallSample");

/// <summary>The score is below the gate's min_score.</summary>
public sealed record LowScoreReason(string Score, string Floor) : Ineligibility("lowScore", "lowScore");

/// <summary>A year's reason held in some quarters, or in all of them with different figures: the quarters and the group.</summary>
public sealed record InQuarters(string Group, IReadOnlyList<string> Quarters) : Ineligibility("quarters", Group)
{
    // By value, as the other reasons are: a year's reasons are listed once each.
    public bool Equals(InQuarters? other) =>
        other is not null && Group == other.Group && AtCenter == other.AtCenter && Quarters.SequenceEqual(other.Quarters);

    public override int GetHashCode() => HashCode.Combine(Group, AtCenter, Quarters.Count);
}
