namespace Oversight.Analytics;

/// <summary>One center-month from sql/features/feat_center_month.sql: the signals of a center that is not really running.</summary>
public sealed class CenterSignals
{
    public static readonly string[] SignalNames =
    [
        nameof(CasesPer1000), nameof(EmptyPostShare), nameof(BackfillShare), nameof(PhoneReuseShare),
        nameof(UnreachableShare), nameof(IdleStaffShare), nameof(ComplaintsPer10006m),
    ];

    public string CenterCode { get; set; } = "";
    public string CenterName { get; set; } = "";
    public DateOnly Month { get; set; }
    public int Cases { get; set; }
    public int VideoChecks { get; set; }
    public int Callbacks { get; set; }

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
