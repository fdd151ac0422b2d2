namespace Oversight.Analytics;

/// <summary>One center-month from sql/features/feat_center_month.sql: the signals of a center that is not really running
/// (shares shrunk toward the county's by their sample), with the samples behind them.</summary>
public sealed class CenterSignals
{
    public static readonly string[] SignalNames =
    [
        nameof(CasesPer1000), nameof(EmptyPostShare), nameof(BackfillShare), nameof(PhoneReuseShare),
        nameof(UnreachableShare), nameof(IdleStaffShare), nameof(ComplaintsPer10006m),
    ];

    /// <summary>Which way a signal points to an empty center: +1 when a high value is suspicious, -1 when a low one
    /// is (few cases, no complaints). A deviation the other way is never a reason to flag a center as empty.</summary>
    public static int SuspiciousDirection(string signal) => signal switch
    {
        nameof(CasesPer1000) or nameof(ComplaintsPer10006m) => -1,
        _ when SignalNames.Contains(signal) => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    public string CenterCode { get; set; } = "";
    public string CenterName { get; set; } = "";
    public DateOnly Month { get; set; }
    public int Cases { get; set; }
    public int VideoChecks { get; set; }
    public int Callbacks { get; set; }

    // The samples behind the (shrunk) shares, and the county's shares the same month: for the evidence test.
    public int Population { get; set; }
    public int EmptyPosts { get; set; }
    public int Backfilled { get; set; }
    public int CalledCases { get; set; }
    public int ReusedPhoneCases { get; set; }
    public int Unreached { get; set; }
    public int OnRoster { get; set; }
    public int Idle { get; set; }
    public int Complaints6m { get; set; }
    public int Cases6m { get; set; }
    public float CountyEmptyPostRate { get; set; }
    public float CountyBackfillRate { get; set; }
    public float CountyPhoneReuseRate { get; set; }
    public float CountyUnreachableRate { get; set; }
    public float CountyIdleRate { get; set; }
    public float CountyComplaintRate6m { get; set; }

    public float CasesPer1000 { get; set; }
    public float EmptyPostShare { get; set; }
    public float BackfillShare { get; set; }
    public float PhoneReuseShare { get; set; }
    public float UnreachableShare { get; set; }
    public float IdleStaffShare { get; set; }
    public float ComplaintsPer10006m { get; set; }

    public float Value(string signal) => signal switch
    {
        nameof(CasesPer1000) => CasesPer1000, nameof(EmptyPostShare) => EmptyPostShare, nameof(BackfillShare) => BackfillShare,
        nameof(PhoneReuseShare) => PhoneReuseShare, nameof(UnreachableShare) => UnreachableShare,
        nameof(IdleStaffShare) => IdleStaffShare, nameof(ComplaintsPer10006m) => ComplaintsPer10006m,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };
}
