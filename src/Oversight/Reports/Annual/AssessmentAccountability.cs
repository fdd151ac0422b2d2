using Dapper;
using Oversight.Warehouse;
using DuckDB.NET.Data;

namespace Oversight.Reports.Annual;

/// <summary>One 责任追究 (约谈, 通报批评, 诫勉谈话 …) recorded against a 整改 item, as the assessment's appendix prints it.
/// The free text was masked when it was recorded (`oversight rectify hold`).</summary>
public sealed record AccountabilityText(string Township, string Number, string Problem, string Measure, string Person,
    string DecidedOn, string DecidedBy, string Note) : IAssessmentRow
{
    public string? Field(string name) => name switch
    {
        "township" => Township, "number" => Number, "problem" => Problem, "measure" => Measure, "person" => Person,
        "decided_on" => DecidedOn, "decided_by" => DecidedBy, "note" => Note, _ => null,
    };
}

public static class AssessmentAccountability
{
    /// <summary>Those decided from <paramref name="start"/> to <paramref name="end"/>, by township.</summary>
    public static List<AccountabilityText> For(DuckDBConnection connection, DateOnly start, DateOnly end) =>
        connection.Query<Row>(SqlFiles.Read("reports/annual/accountability.sql"),
                new { period_start = start.ToDateTime(TimeOnly.MinValue), period_end = end.ToDateTime(TimeOnly.MinValue) })
            .Select(r => new AccountabilityText(r.Township ?? r.CenterCode, r.DocNumber, r.Description, r.Measure, r.Person ?? "",
                r.DecidedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.DecidedBy, r.Note ?? ""))
            .ToList();

    private sealed class Row
    {
        public string? Township { get; set; }
        public string CenterCode { get; set; } = "";
        public string DocNumber { get; set; } = "";
        public string Description { get; set; } = "";
        public string Measure { get; set; } = "";
        public string? Person { get; set; }
        public DateOnly DecidedOn { get; set; }
        public string DecidedBy { get; set; } = "";
        public string? Note { get; set; }
    }
}
