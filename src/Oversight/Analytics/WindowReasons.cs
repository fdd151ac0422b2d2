using System.Globalization;

namespace Oversight.Analytics;

/// <summary>Turns a window's strongest feature contributions into plain Chinese with the numbers behind them,
/// each beside the county's figure for the same month.</summary>
public static class WindowReasons
{
    private static readonly HashSet<string> Higher =
    [
        nameof(WindowFeatures.OverdueRate1m), nameof(WindowFeatures.OverdueRate6m), nameof(WindowFeatures.BacklogStart),
        nameof(WindowFeatures.BacklogPerCase), nameof(WindowFeatures.CasesPerStaffDay), nameof(WindowFeatures.StaffChanges3m),
        nameof(WindowFeatures.TemporaryShare), nameof(WindowFeatures.LongItemShare3m), nameof(WindowFeatures.ComplaintsPer1003m),
        nameof(WindowFeatures.UpheldPer1003m), nameof(WindowFeatures.DissatisfiedRate3m), nameof(WindowFeatures.VideoViolationRate3m),
    ];

    private static string P(double v) => (100 * v).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The sentence for one feature of one window, or null when the feature's value is not a reason to look
    /// (e.g. no A-post vacancy) even if the model leaned on it.</summary>
    public static string? Describe(string feature, WindowFeatures w, IReadOnlyList<WindowFeatures> month)
    {
        double Avg(Func<WindowFeatures, double> f) => month.Count == 0 ? 0 : month.Average(f);
        // A figure no worse than the county's is not a reason to visit, whatever weight the model gave it; nor is one
        // within a tenth of it (it would print as "1.2%（全县窗口平均 1.2%）").
        if (feature != nameof(WindowFeatures.OverdueRate3m) && feature != nameof(WindowFeatures.VacantAPost) &&
            Higher.Contains(feature) && w.Value(feature) <= 1.1 * Avg(x => x.Value(feature)))
            return null;
        return feature switch
        {
            nameof(WindowFeatures.OverdueRate1m) when w.OverdueRate1m > 0 => $"上月超期率 {P(w.OverdueRate1m)}（全县窗口平均 {P(Avg(x => x.OverdueRate1m))}）",
            nameof(WindowFeatures.OverdueRate3m) when w.OverdueRate3m > w.CountyOverdueRate3m => $"近3个月超期率 {P(w.OverdueRate3m)}（全县 {P(w.CountyOverdueRate3m)}）",
            nameof(WindowFeatures.OverdueRate6m) when w.OverdueRate6m > 0 => $"近6个月超期率 {P(w.OverdueRate6m)}（全县窗口平均 {P(Avg(x => x.OverdueRate6m))}）",
            nameof(WindowFeatures.BacklogStart) when w.BacklogStart > 0 => $"月初超期未办结 {N(w.BacklogStart)} 件（全县窗口平均 {N(Avg(x => x.BacklogStart))} 件）",
            nameof(WindowFeatures.BacklogPerCase) when w.BacklogPerCase > 0 => $"月初超期积压相当于上月受理量的 {P(w.BacklogPerCase)}（全县窗口平均 {P(Avg(x => x.BacklogPerCase))}）",
            nameof(WindowFeatures.CasesPerStaffDay) => $"上月人均每个工作日办件 {N(w.CasesPerStaffDay)} 件（全县窗口平均 {N(Avg(x => x.CasesPerStaffDay))} 件）",
            nameof(WindowFeatures.StaffChanges3m) when w.StaffChanges3m > 0 => $"近3个月人员变动 {N(w.StaffChanges3m)} 人次（全县窗口平均 {N(Avg(x => x.StaffChanges3m))}）",
            nameof(WindowFeatures.VacantAPost) when w.VacantAPost > 0 => $"A岗空缺（月初无A岗人员在岗，在岗 {N(w.StaffOnRoster)} 人）",
            nameof(WindowFeatures.TemporaryShare) when w.TemporaryShare > 0 => $"临聘、返聘人员占 {P(w.TemporaryShare)}（全县窗口平均 {P(Avg(x => x.TemporaryShare))}）",
            nameof(WindowFeatures.StaffOnRoster) when w.StaffOnRoster <= 1 => $"月初在岗仅 {N(w.StaffOnRoster)} 人（全县窗口平均 {N(Avg(x => x.StaffOnRoster))} 人）",
            nameof(WindowFeatures.LongItemShare3m) when w.LongItemShare3m > 0 => $"近3个月长时限事项（10个工作日以上）占 {P(w.LongItemShare3m)}（全县窗口平均 {P(Avg(x => x.LongItemShare3m))}）",
            nameof(WindowFeatures.ComplaintsPer1003m) when w.ComplaintsPer1003m > 0 => $"近3个月每百件办件投诉 {N(w.ComplaintsPer1003m)} 件（全县窗口平均 {N(Avg(x => x.ComplaintsPer1003m))} 件）",
            nameof(WindowFeatures.UpheldPer1003m) when w.UpheldPer1003m > 0 => $"近3个月每百件办件属实投诉 {N(w.UpheldPer1003m)} 件（全县窗口平均 {N(Avg(x => x.UpheldPer1003m))} 件）",
            nameof(WindowFeatures.DissatisfiedRate3m) when w.DissatisfiedRate3m > 0 => $"近3个月回访差评率 {P(w.DissatisfiedRate3m)}（全县窗口平均 {P(Avg(x => x.DissatisfiedRate3m))}）",
            nameof(WindowFeatures.VideoViolationRate3m) when w.VideoViolationRate3m > 0 => $"近3个月视频抽查违规率 {P(w.VideoViolationRate3m)}（全县窗口平均 {P(Avg(x => x.VideoViolationRate3m))}）",
            nameof(WindowFeatures.MonthOfYear) => $"{N(w.MonthOfYear)}月历来是办件高峰或超期较多的月份",
            nameof(WindowFeatures.WorkingDays) => $"本月只有 {N(w.WorkingDays)} 个工作日",
            nameof(WindowFeatures.HolidayWeekdays) when w.HolidayWeekdays > 0 => $"本月有 {N(w.HolidayWeekdays)} 天法定节假日",
            _ => null,
        };
    }

    /// <summary>The three strongest positive contributions that make a sentence, strongest first.</summary>
    /// <summary>When none does (each figure near the county's), that is said plainly: a ranked window always has a reason.</summary>
    public static IReadOnlyList<string> Top(WindowFeatures w, float[] contributions, IReadOnlyList<WindowFeatures> month, int count = 3)
    {
        var reasons = contributions.Select((c, i) => (Contribution: c, Feature: WindowFeatures.FeatureNames[i]))
            .Where(x => x.Contribution > 0)
            .OrderByDescending(x => x.Contribution).ThenBy(x => x.Feature, StringComparer.Ordinal)
            .Select(x => Describe(x.Feature, w, month))
            .OfType<string>()
            .Take(count)
            .ToList();
        if (reasons.Count == 0) reasons.Add(NoSingleReason);
        return reasons;
    }

    public const string NoSingleReason = "各单项指标均接近全县窗口平均，超期风险来自多项因素叠加";
}
