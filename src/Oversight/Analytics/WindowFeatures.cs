namespace Oversight.Analytics;

/// <summary>One window-month from sql/features/feat_window_month.sql: the features (known before the month, every
/// rate shrunk toward the county's by its sample), the samples behind them, and what happened in the month.
/// Properties are read by Dapper and by ML.NET alike.</summary>
public sealed class WindowFeatures
{
    /// <summary>The features the model sees, in the order of its feature vector. No count that grows with volume.</summary>
    public static readonly string[] FeatureNames =
    [
        nameof(OverdueRate1m), nameof(OverdueShrunk1m), nameof(OverdueShrunk3m), nameof(OverdueShrunk6m), nameof(BacklogPerCase),
        nameof(CasesPerStaffDay), nameof(StaffChanges3m), nameof(VacantAPost), nameof(TemporaryShare),
        nameof(LongItemShare3m), nameof(ComplaintsPer1003m), nameof(UpheldPer1003m), nameof(DissatisfiedRate3m),
        nameof(VideoViolationRate3m), nameof(MonthOfYear), nameof(WorkingDays), nameof(HolidayWeekdays), nameof(CountyOverdueRate3m),
    ];

    public string WindowCode { get; set; } = "";
    public string CenterCode { get; set; } = "";
    public string WindowName { get; set; } = "";
    public string CenterName { get; set; } = "";
    public DateOnly Month { get; set; }
    public int HistoryMonths { get; set; }

    public float OverdueRate1m { get; set; }
    public float OverdueShrunk1m { get; set; }
    public float OverdueShrunk3m { get; set; }
    public float OverdueShrunk6m { get; set; }
    public float BacklogPerCase { get; set; }
    public float CasesPerStaffDay { get; set; }
    public float StaffChanges3m { get; set; }
    public float VacantAPost { get; set; }
    public float TemporaryShare { get; set; }
    public int StaffOnRoster { get; set; }
    public float LongItemShare3m { get; set; }
    public float ComplaintsPer1003m { get; set; }
    public float UpheldPer1003m { get; set; }
    public float DissatisfiedRate3m { get; set; }
    public float VideoViolationRate3m { get; set; }
    public float MonthOfYear { get; set; }
    public float WorkingDays { get; set; }
    public float HolidayWeekdays { get; set; }
    public float CountyOverdueRate3m { get; set; }

    // The samples behind the rates, for the evidence test of the reasons (never features).
    public int Overdue1m { get; set; }
    public int Due1m { get; set; }
    public int Overdue3m { get; set; }
    public int Due3m { get; set; }
    public int Overdue6m { get; set; }
    public int Due6m { get; set; }
    public float CountyOverdueRate1m { get; set; }
    public float CountyOverdueRate6m { get; set; }
    public int Upheld3m { get; set; }
    public int Accepted3m { get; set; }
    public float CountyUpheldRate3m { get; set; }
    public int BadRatings3m { get; set; }
    public int Rated3m { get; set; }
    public float CountyDissatisfiedRate3m { get; set; }
    public int Violations3m { get; set; }
    public int Checks3m { get; set; }
    public float CountyViolationRate3m { get; set; }

    // The month's outcome.
    public int DueCases { get; set; }
    public int OverdueCases { get; set; }
    public float CountyOverdueRate { get; set; }

    /// <summary>The one label (feat_window_month.overdue_prone, settings overdue_prone_min_late and
    /// overdue_prone_margin): of the cases due in the month, enough went overdue and the share is above the
    /// county's by the margin. Training, scoring and backtests all read it.</summary>
    public bool OverdueProne { get; set; }

    public float Value(string feature) => feature switch
    {
        nameof(OverdueRate1m) => OverdueRate1m, nameof(OverdueShrunk1m) => OverdueShrunk1m, nameof(OverdueShrunk3m) => OverdueShrunk3m,
        nameof(OverdueShrunk6m) => OverdueShrunk6m, nameof(BacklogPerCase) => BacklogPerCase, nameof(CasesPerStaffDay) => CasesPerStaffDay,
        nameof(StaffChanges3m) => StaffChanges3m, nameof(VacantAPost) => VacantAPost, nameof(TemporaryShare) => TemporaryShare,
        nameof(LongItemShare3m) => LongItemShare3m, nameof(ComplaintsPer1003m) => ComplaintsPer1003m,
        nameof(UpheldPer1003m) => UpheldPer1003m, nameof(DissatisfiedRate3m) => DissatisfiedRate3m,
        nameof(VideoViolationRate3m) => VideoViolationRate3m, nameof(MonthOfYear) => MonthOfYear, nameof(WorkingDays) => WorkingDays,
        nameof(HolidayWeekdays) => HolidayWeekdays, nameof(CountyOverdueRate3m) => CountyOverdueRate3m,
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, null),
    };
}
