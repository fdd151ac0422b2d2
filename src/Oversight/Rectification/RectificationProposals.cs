using Dapper;
using DuckDB.NET.Data;
using Oversight.Calendar;
using Oversight.Reports;
using Oversight.Reports.Monthly;

namespace Oversight.Rectification;

/// <summary>Proposals from the product's own findings: one per problem line the month's 通报 names (by the briefing's
/// own rules, <see cref="MonthlyBriefingBuilder.NamedProblems"/>), one per 暗访/明查 that found problems, one per upheld
/// complaint at a center the 通报 did not already name for complaints. They wait (待确认) for a person to confirm.</summary>
public static class RectificationProposals
{
    /// <summary>At the 通报's issue: its problem lines become proposals (nothing new when proposed before), each in the
    /// words the 通报 printed (<paramref name="templates"/>: the county's).</summary>
    public static int FromBriefing(DuckDBConnection connection, DateOnly month, string? documentNumber, IReadOnlyList<NamedProblem> problems, DateOnly today,
        TemplateFolder templates)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var reference = Messages.ProposalBriefingRef(Month.Of(first), documentNumber);
        return RectificationLedger.Propose(connection, problems.Select(p => new Proposal(
            ProposalKeys.Briefing(first, p.Kind, p.CenterCode), RectificationSources.Briefing, p.Kind, reference, p.RecordIds.Take(50).ToList(),
            first, p.CenterCode, null, null, MonthlyWording.Sentence(templates, p.Line))), today);
    }

    /// <summary>Everything a month's findings propose: the 通报's lines (with the number it was issued under, if it was),
    /// the 暗访/明查 with problems found, and the upheld complaints.</summary>
    public static int ForMonth(DuckDBConnection connection, Month month, DateOnly today, TemplateFolder templates)
    {
        var first = month.FirstDay;
        var p = new { month = first.ToDateTime(TimeOnly.MinValue) };
        var named = MonthlyBriefingBuilder.NamedProblems(connection, first);
        var number = connection.ExecuteScalar<string?>("SELECT document_number FROM briefing_number WHERE kind = 'monthly' AND period = $month", p);
        var added = FromBriefing(connection, first, number, named, today, templates);

        var visits = connection.Query<(string VisitId, DateTime At, string Center, string? Window, string Type, int Problems, string? Findings)>("""
            SELECT visit_id, visited_at, center_code, window_code, visit_type, problems_found, findings
            FROM fct_visit WHERE problems_found > 0 AND date_trunc('month', visited_at) = $month ORDER BY visited_at, visit_id
            """, p);
        var complaintCenters = named.Where(n => n.Kind == NamedProblem.Complaints).Select(n => n.CenterCode).ToHashSet();
        var complaints = connection.Query<(string Id, DateTime At, string Center, string? Window, string? Staff, string Category, string? Content)>("""
            SELECT complaint_id, received_at, center_code, window_code, staff_id, category, content
            FROM core_complaint WHERE is_upheld AND date_trunc('month', received_at) = $month ORDER BY received_at, complaint_id
            """, p).Where(c => !complaintCenters.Contains(c.Center));
        added += RectificationLedger.Propose(connection,
            visits.Select(v => new Proposal(ProposalKeys.Visit(v.VisitId), RectificationSources.Visit, "visit", Messages.ProposalVisitRef(v.Type, v.VisitId),
                    [v.VisitId], first, v.Center, v.Window, null,
                    Messages.ProposalVisitFinding(DateOnly.FromDateTime(v.At), v.Type, v.Problems, v.Findings)))
                .Concat(complaints.Select(c => new Proposal(ProposalKeys.Complaint(c.Id), RectificationSources.Complaint, "complaint",
                    Messages.ProposalComplaintRef(c.Id), [c.Id], first, c.Center, c.Window, c.Staff,
                    Messages.ProposalComplaintFinding(DateOnly.FromDateTime(c.At), c.Category, c.Content)))),
            today);
        return added;
    }
}
