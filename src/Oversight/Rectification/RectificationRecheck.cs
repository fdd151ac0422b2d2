using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Rectification;

/// <summary>An open 整改 item of a center the inspection briefing proposes: to re-check on site (复查整改).</summary>
public sealed record RecheckItem(string Number, string Problem, string Status, string Deadline, bool Overdue);

public static class RectificationRecheck
{
    /// <summary>The center's items assigned and not closed, overdue first, as of <paramref name="day"/>.</summary>
    public static List<RecheckItem> For(DuckDBConnection connection, string centerCode, DateOnly day) =>
        connection.Query<(string DocNumber, string Description, string Status, DateOnly Deadline, bool IsOverdue)>("""
                SELECT doc_number, description, status, deadline, coalesce(is_overdue, false)
                FROM core_rectification_item($day)
                WHERE is_open AND center_code = $center
                ORDER BY is_overdue DESC, deadline, doc_number
                """, new { day = day.ToDateTime(TimeOnly.MinValue), center = centerCode })
            .Select(r => new RecheckItem(r.DocNumber, r.Description, r.Status, r.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.IsOverdue))
            .ToList();
}
