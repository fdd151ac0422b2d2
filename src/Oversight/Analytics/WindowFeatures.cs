namespace Oversight.Analytics;

/// <summary>One window-month from sql/features/feat_window_month.sql: the features (known before the month) and
/// what happened in it. Properties are read by Dapper and by ML.NET alike.</summary>
public sealed class WindowFeatures
{
    /// <summary>The features the model sees, in the order of its feature vector.</summary>
    public static readonly string[] FeatureNames =
    [
        nameof(OverdueRate1m), nameof(OverdueRate3m), nameof(OverdueRate6m), nameof(BacklogStart), nameof(BacklogPerCase),
        nameof(CasesPerStaffDay), nameof(StaffChanges3m), nameof(VacantAPost), nameof(TemporaryShare), nameof(StaffOnRoster),
        nameof(LongItemShare3m), nameof(ComplaintsPer1003m), nameof(UpheldPer1003m), nameof(DissatisfiedRate3m),
        nameof(VideoViolationRate3m), nameof(MonthOfYear), nameof(WorkingDays), nameof(HolidayWeekdays),
    ];

    public string WindowCode { get; set; } = "";
    public string CenterCode { get; set; } = "";
    public string WindowName { get; set; } = "";
    public string CenterName { get; set; } = "";
    public DateOnly Month { get; set; }
    public int HistoryMonths { get; set; }

    public float OverdueRate1m { get; set; }
    public float OverdueRate3m { get; set; }
    public float OverdueRate6m { get; set; }
    public float BacklogStart { get; set; }
    public float BacklogPerCase { get; set; }
    public float CasesPerStaffDay { get; set; }
    public float StaffChanges3m { get; set; }
    public float VacantAPost { get; set; }
    public float TemporaryShare { get; set; }
    public float StaffOnRoster { get; set; }
    public float LongItemShare3m { get; set; }
    public float ComplaintsPer1003m { get; set; }
    public float UpheldPer1003m { get; set; }
    public float DissatisfiedRate3m { get; set; }
    public float VideoViolationRate3m { get; set; }
    public float MonthOfYear { get; set; }
    public float WorkingDays { get; set; }
    public float HolidayWeekdays { get; set; }
    public float CountyOverdueRate3m { get; set; }

    public int DueCases { get; set; }
    public int OverdueCases { get; set; }
    /// <summary>Most problems an unannounced visit naming this window found in the month (0 if none).</summary>
    public int VisitProblems { get; set; }

    /// <summary>The training label: the month went overdue, or an unannounced visit found problems at the window.
    /// Backtests judge by overdue cases alone, so the figures stay comparable with the baseline.</summary>
    public bool IsTroubled(int overdueThreshold) => OverdueCases >= overdueThreshold || VisitProblems > 0;

    public float Value(string feature) => feature switch
    {
        nameof(OverdueRate1m) => OverdueRate1m, nameof(OverdueRate3m) => OverdueRate3m, nameof(OverdueRate6m) => OverdueRate6m,
        nameof(BacklogStart) => BacklogStart, nameof(BacklogPerCase) => BacklogPerCase, nameof(CasesPerStaffDay) => CasesPerStaffDay,
        nameof(StaffChanges3m) => StaffChanges3m, nameof(VacantAPost) => VacantAPost, nameof(TemporaryShare) => TemporaryShare,
        nameof(StaffOnRoster) => StaffOnRoster, nameof(LongItemShare3m) => LongItemShare3m, nameof(ComplaintsPer1003m) => ComplaintsPer1003m,
        nameof(UpheldPer1003m) => UpheldPer1003m, nameof(DissatisfiedRate3m) => DissatisfiedRate3m,
        nameof(VideoViolationRate3m) => VideoViolationRate3m, nameof(MonthOfYear) => MonthOfYear, nameof(WorkingDays) => WorkingDays,
        nameof(HolidayWeekdays) => HolidayWeekdays,
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, null),
    };
}
