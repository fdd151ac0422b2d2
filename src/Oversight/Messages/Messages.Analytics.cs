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
