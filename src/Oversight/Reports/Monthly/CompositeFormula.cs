using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Reports.Monthly;

/// <summary>The composite score's formula as printed beside the ranking, written from the same settings row
/// (core_setting) that mart_period_center computes the score with: change a weight there and both change.</summary>
public static class CompositeFormula
{
    public static CompositeSettings Load(DuckDBConnection connection) =>
        connection.QuerySingle<CompositeSettings>(SqlFiles.Read("reports/monthly/composite_settings.sql"));

    /// <summary>The formula in one line, in words a county leader reads.</summary>
    public static string Text(CompositeSettings s)
    {
        var total = s.CompositeWeightTimeliness + s.CompositeWeightSatisfaction + s.CompositeWeightVideo + s.CompositeWeightComplaints;
        return $"综合得分（满分 {N(total)} 分）= 按期办结率 × {N(s.CompositeWeightTimeliness)} + 回访满意率 × {N(s.CompositeWeightSatisfaction)}" +
               $" + （1 − 视频抽查违规率）× {N(s.CompositeWeightVideo)} + 属实投诉项 {N(s.CompositeWeightComplaints)} 分" +
               $"（每千件办件有 1 件属实投诉扣 {N(s.CompositeWeightComplaints / s.ComplaintCapPer1000)} 分，达到 {N(s.ComplaintCapPer1000)} 件扣完）。";
    }

    /// <summary>How each part is measured and how small centers are kept from swinging.</summary>
    public static IReadOnlyList<string> Notes(CompositeSettings s) =>
    [
        "按期办结率 = 当月按期办结件数 ÷（当月办结件数 + 月末超期未办结件数），月末仍超期未办结的办件与超期办结同样计入。",
        "为避免办件少的中心因个别事件大起大落，各项比率先按本中心的数量向全县水平收缩再计分：" +
        "计分比率 =（本中心的次数 + k × 全县比率）÷（本中心的总数 + k），" +
        $"按期办结率 k = {N(s.ShrinkCasesTimeliness)} 件，回访满意率 k = {N(s.ShrinkRatingsSatisfaction)} 条评价，" +
        $"视频抽查违规率 k = {N(s.ShrinkChecksVideo)} 次抽查，属实投诉率 k = {N(s.ShrinkCasesComplaints)} 件办件；" +
        "数量越多，越接近本中心的实际比率；某项当月没有数据的，按全县水平计分。",
        $"超过应办结时间 {s.LongOpenDaysPastDue} 天仍未办结的办件另列为“长期未办结（疑似未及时办结登记）”，仍计入月末超期未办结件数。",
        "超期工作日、月末超期未办结和预警均按当月最后一刻计算，此后办结或导入的数据不改变本月通报的数字。",
    ];

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
