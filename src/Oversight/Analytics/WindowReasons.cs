using System.Globalization;

namespace Oversight.Analytics;

/// <summary>A window's reasons and whether it is listed: only figures that differ from the county's given the sample
/// behind them (<see cref="RateEvidence"/>), in the flag's direction (late), each with its numbers. A window is listed
/// when its lateness is evidenced (an overdue rate above the county's beyond chance) or its A post is vacant; other
/// figures (upheld complaints, dissatisfaction, video violations) are given beside that, never alone.</summary>
public static class WindowReasons
{
    public sealed record Evidence(IReadOnlyList<string> Reasons, bool Listed);

    public static Evidence Of(WindowFeatures w, double alpha, int count = 3)
    {
        var late = new List<(double Chance, string Text)>();
        void Overdue(int months, int overdue, int due, double county, double shrunk)
        {
            var e = new RateEvidence(overdue, due, county);
            if (e.Above(alpha))
                late.Add((e.ChanceOfAtLeast, Messages.WindowOverdue(months, due, overdue, e.Share, shrunk, county)));
        }
        Overdue(1, w.Overdue1m, w.Due1m, w.CountyOverdueRate1m, w.OverdueShrunk1m);
        Overdue(3, w.Overdue3m, w.Due3m, w.CountyOverdueRate3m, w.OverdueShrunk3m);
        Overdue(6, w.Overdue6m, w.Due6m, w.CountyOverdueRate6m, w.OverdueShrunk6m);
        var reasons = late.OrderBy(r => r.Chance).Select(r => r.Text).ToList();
        if (w.VacantAPost > 0) reasons.Add(Messages.VacantAPost(w.StaffOnRoster));
        var listed = reasons.Count > 0;

        var beside = new List<(double Chance, string Text)>();
        void Also(int events, int sample, double county, Func<int, int, double, double, string> reason)
        {
            var e = new RateEvidence(events, sample, county);
            if (e.Above(alpha)) beside.Add((e.ChanceOfAtLeast, reason(sample, events, e.Share, county)));
        }
        Also(w.Upheld3m, w.Accepted3m, w.CountyUpheldRate3m, Messages.WindowUpheldComplaints);
        Also(w.BadRatings3m, w.Rated3m, w.CountyDissatisfiedRate3m, Messages.WindowBadRatings);
        Also(w.Violations3m, w.Checks3m, w.CountyViolationRate3m, Messages.WindowViolations);
        reasons.AddRange(beside.OrderBy(r => r.Chance).Select(r => r.Text));
        return new Evidence(reasons.Take(count).ToList(), listed);
    }
}
