using System.Globalization;

namespace Oversight;

// Why a window is flagged and how the ranking was chosen (Oversight.Analytics): the reasons flags and the briefing print.
public static partial class Messages
{
    private static string Rate(double v) => (100 * v).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Per100(double v) => "每百件 " + (100 * v).ToString("0.#", CultureInfo.InvariantCulture) + " 件";

    /// <param name="months">1 for last month, else the months back (3, 6).</param>
    public static string WindowOverdue(int months, int due, int overdue, double rate, double shrunk, double county) =>
        $"{(months == 1 ? "上月" : $"近{months}个月")}到期 {due} 件中超期 {overdue} 件，超期率 {Rate(rate)}（按样本量收缩后 {Rate(shrunk)}；全县 {Rate(county)}）";

    public static string VacantAPost(int onRoster) => $"A岗空缺（月初无A岗人员在岗，在岗 {onRoster} 人）";

    public static string WindowUpheldComplaints(int accepted, int upheld, double rate, double county) =>
        $"近3个月办件 {accepted} 件中属实投诉 {upheld} 件，{Per100(rate)}（全县 {Per100(county)}）";

    public static string WindowBadRatings(int rated, int bad, double rate, double county) =>
        $"近3个月回访评价 {rated} 条中差评 {bad} 条，{Rate(rate)}（全县 {Rate(county)}）";

    public static string WindowViolations(int checks, int violations, double rate, double county) =>
        $"近3个月视频抽查 {checks} 次中违规 {violations} 次，{Rate(rate)}（全县 {Rate(county)}）";

    private static string Share(double? v) => v is { } x ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string RankingWithoutHistory(string method) => $"排序依据：{method}（此前有结果的月份不足，无法回测比较，采用最简单的收缩比率规则）";

    public static string RankingAlternative(string method, double? precisionAt10) => $"{method} {Share(precisionAt10)}";

    /// <param name="others">The methods not chosen, as <see cref="RankingAlternative"/> puts them.</param>
    public static string RankingChosen(string method, int months, double? precisionAt10, double? auc, DateOnly? from, DateOnly? to, IEnumerable<string> others) =>
        // P@10 and AUC in Chinese words: the briefing a county reads is Chinese throughout.
        $"排序依据：{method}，近{months}个月回测前10名命中率 {Share(precisionAt10)}、曲线下面积 {(auc is { } a ? a.ToString("0.000", CultureInfo.InvariantCulture) : "—")}" +
        $"（{from:yyyy-MM} 至 {to:yyyy-MM}；对照 {string.Join("，", others)}）";
}

// Why a center is flagged (CenterModel's red flags): the center's figures, then its shrunk rate beside the county's.
public static partial class Messages
{
    private static string AgainstCounty(double shrunk, double county) => $"（按样本量收缩后 {Rate(shrunk)}；全县 {Rate(county)}）";

    public static string RedFlagEmptyPosts(int checks, int empty, double share, double shrunk, double county) =>
        $"视频抽查 {checks} 次中 {empty} 次发现大厅无人或空岗、离岗，占 {Rate(share)}" + AgainstCounty(shrunk, county);

    public static string RedFlagBackfill(int cases, int backfilled, double share, double shrunk, double county) =>
        $"办件 {cases} 件中 {backfilled} 件在明查前 3 天内集中补录（录入比受理晚 48 小时以上），占 {Rate(share)}" + AgainstCounty(shrunk, county);

    public static string RedFlagPhoneReuse(int called, int reused, double share, double shrunk, double county) =>
        $"回访办件 {called} 件中 {reused} 件使用同一批号码（一个号码对应 6 件以上），占 {Rate(share)}" + AgainstCounty(shrunk, county);

    public static string RedFlagUnreachable(int callbacks, int unreached, double share, double shrunk, double county) =>
        $"回访 {callbacks} 次中 {unreached} 次未接通，占 {Rate(share)}" + AgainstCounty(shrunk, county);

    public static string RedFlagIdleStaff(int onRoster, int idle, double share, double shrunk, double county) =>
        $"在册人员 {onRoster} 人中 {idle} 人本月没有经办任何办件，占 {Rate(share)}" + AgainstCounty(shrunk, county);

    public static string RedFlagFewCases(OneDecimal casesPer1000, OneDecimal countyMedianPer1000) =>
        $"每千名户籍人口办件 {casesPer1000} 件（全县中位数 {countyMedianPer1000} 件）";

    /// <param name="expected">The complaints the county's rate predicts in this volume.</param>
    public static string RedFlagNoComplaints(int cases, OneDecimal expected) =>
        $"近6个月办件 {cases} 件，没有任何投诉（按全县投诉率应有约 {expected} 件）";

    /// <summary>The "易超期" label in words, from the same settings the SQL applies.</summary>
    public static string OverdueProneRule(int minLate, double margin) =>
        $"当月到期办件中超期至少 {minLate} 件，且超期率比全县同月高出 {Math.Round(100 * margin, 1):0.#} 个百分点以上";

    // The ranking methods' names (RankingMethod).
    public const string RankingModel = "模型（梯度提升树）";
    public const string RankingLastMonth = "规则：上月超期率";
    public const string RankingShrunk3m = "规则：近3个月超期率（按样本量向全县收缩）";
    public const string RankingBlend = "模型与近3个月收缩超期率各半";
    public const string RankingCenterModel = "模型（异常检测加红旗信号）";
    public const string RankingCenterRule = "规则：每千人办件最少";
}

/// <summary>A figure a message shows to one decimal at most (5.4, 12): a per-1000 rate, an expected count.</summary>
public readonly record struct OneDecimal(double Value)
{
    public override string ToString() => Value.ToString("0.#", CultureInfo.InvariantCulture);
}
