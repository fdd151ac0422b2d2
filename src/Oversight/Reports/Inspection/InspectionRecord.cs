namespace Oversight.Reports.Inspection;

/// <summary>
/// How earlier plans did: the unannounced visits of the month each plan was for, split by whether that plan proposed
/// the center ("share of proposed visits that found problems" against the rest). Computed here, by the inspection
/// command, because only it holds both the plan log (restricted folder) and the visits (warehouse).
/// </summary>
public static class InspectionRecord
{
    public static PlanRecord Compute(IReadOnlyList<StoredPlan> log, IReadOnlyList<VisitRow> visits, DateOnly month)
    {
        // The latest generation of each earlier month is the plan that was used.
        var plans = log.Where(p => p.Month < month)
            .GroupBy(p => p.Month).Select(g => g.MaxBy(p => p.PlanId)!)
            .ToDictionary(p => p.Month.AddMonths(1), p => p.Items.Select(i => i.CenterCode).ToHashSet());
        var matched = visits.Where(v => plans.ContainsKey(v.Month))
            .Select(v => (Visit: v, Proposed: plans[v.Month].Contains(v.CenterCode))).ToList();
        var proposed = matched.Where(m => m.Proposed).Select(m => m.Visit).ToList();
        var other = matched.Where(m => !m.Proposed).Select(m => m.Visit).ToList();

        static RecordLine Line(IReadOnlyList<VisitRow> v) => v.Count == 0
            ? new RecordLine("0", "0", "—", "—")
            : new RecordLine(ReportText.Count(v.Count), ReportText.Count(v.Count(x => x.ProblemsFound > 0)),
                ReportText.Percent((double)v.Count(x => x.ProblemsFound > 0) / v.Count),
                ReportText.Number((double)v.Sum(x => x.ProblemsFound) / v.Count, "0.0"));
        static double Share(IReadOnlyList<VisitRow> v) => (double)v.Count(x => x.ProblemsFound > 0) / v.Count;

        var months = matched.Select(m => m.Visit.Month).Distinct().Count();
        var hasHistory = matched.Count > 0;
        var comparable = proposed.Count > 0 && other.Count > 0;
        return new PlanRecord(hasHistory, ReportText.Count(months), Line(proposed), Line(other), Summary: "")
        {
            Comparison = !hasHistory ? "none" : comparable ? "compare" : "cannot",
            ProposedShare = comparable ? ReportText.Percent(Share(proposed)) : "",
            OtherShare = comparable ? ReportText.Percent(Share(other)) : "",
        };
    }
}
