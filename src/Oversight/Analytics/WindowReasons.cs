using System.Globalization;

namespace Oversight.Analytics;

/// <summary>A window's reasons and whether it is listed: only figures that differ from the county's given the sample
/// behind them (<see cref="RateEvidence"/>), in the flag's direction (late), each with its numbers. A window is listed
/// when its lateness is evidenced (an overdue rate above the county's beyond chance) or its A post is vacant; other
/// figures (upheld complaints, dissatisfaction, video violations) are given beside that, never alone.</summary>
public static class WindowReasons
{
    public sealed record Evidence(IReadOnlyList<string> Reasons, bool Listed);

    private static string P(double v) => (100 * v).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static Evidence Of(WindowFeatures w, double alpha, int count = 3)
    {
        var late = new List<(double Chance, string Text)>();
        void Overdue(string period, int overdue, int due, double county, double shrunk)
        {
            var e = new RateEvidence(overdue, due, county);
            if (e.Above(alpha))
                late.Add((e.ChanceOfAtLeast, $"{period}到期 {due} 件中超期 {overdue} 件，超期率 {P(e.Share)}（按样本量收缩后 {P(shrunk)}；全县 {P(county)}）"));
        }
        Overdue("上月", w.Overdue1m, w.Due1m, w.CountyOverdueRate1m, w.OverdueShrunk1m);
        Overdue("近3个月", w.Overdue3m, w.Due3m, w.CountyOverdueRate3m, w.OverdueShrunk3m);
        Overdue("近6个月", w.Overdue6m, w.Due6m, w.CountyOverdueRate6m, w.OverdueShrunk6m);
        var reasons = late.OrderBy(r => r.Chance).Select(r => r.Text).ToList();
        if (w.VacantAPost > 0) reasons.Add($"A岗空缺（月初无A岗人员在岗，在岗 {w.StaffOnRoster} 人）");
        var listed = reasons.Count > 0;

        var beside = new List<(double Chance, string Text)>();
        void Also(string what, int events, int sample, double county, string unit, Func<double, string> show)
        {
            var e = new RateEvidence(events, sample, county);
            if (e.Above(alpha)) beside.Add((e.ChanceOfAtLeast, $"近3个月{what} {events} {unit}，{show(e.Share)}（全县 {show(county)}）"));
        }
        string Per100(double v) => "每百件 " + (100 * v).ToString("0.#", CultureInfo.InvariantCulture) + " 件";
        Also($"办件 {w.Accepted3m} 件中属实投诉", w.Upheld3m, w.Accepted3m, w.CountyUpheldRate3m, "件", Per100);
        Also($"回访评价 {w.Rated3m} 条中差评", w.BadRatings3m, w.Rated3m, w.CountyDissatisfiedRate3m, "条", P);
        Also($"视频抽查 {w.Checks3m} 次中违规", w.Violations3m, w.Checks3m, w.CountyViolationRate3m, "次", P);
        reasons.AddRange(beside.OrderBy(r => r.Chance).Select(r => r.Text));
        return new Evidence(reasons.Take(count).ToList(), listed);
    }
}
