using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Reports.Monthly;

/// <summary>What a run may fix for this issue of the briefing (report monthly --doc-number / --date).</summary>
public sealed record BriefingIssue(string? DocumentNumber = null, DateOnly? IssuedOn = null);

/// <summary>Gives each monthly briefing its 文号 from the settings' pattern and a per-year sequence kept in the
/// warehouse (briefing_number). A month keeps the number and 成文日期 it was first given unless told otherwise.</summary>
public static class BriefingNumbers
{
    public sealed record Assigned(string DocumentNumber, DateOnly IssuedOn);

    public static Assigned Assign(DuckDBConnection connection, DateOnly month, string pattern, string shortName,
        BriefingIssue issue, DateOnly today)
    {
        var p = new { month = month.ToDateTime(TimeOnly.MinValue) };
        var existing = connection.QueryFirstOrDefault<NumberRow>(SqlFiles.Read("reports/monthly/number_get.sql"), p);
        if (existing is { } e && issue.DocumentNumber is null && (issue.IssuedOn is null || issue.IssuedOn == e.IssuedOn))
            return new Assigned(e.DocumentNumber, e.IssuedOn);

        var issuedOn = issue.IssuedOn ?? (existing is { } kept ? kept.IssuedOn : today);
        int seq;
        string number;
        if (issue.DocumentNumber is { } given)
        {
            seq = existing?.Seq ?? 0;
            number = given.Trim();
        }
        else if (existing is { } k && k.Year == issuedOn.Year)
        {
            seq = k.Seq;
            number = k.DocumentNumber;
        }
        else
        {
            seq = connection.ExecuteScalar<int>(SqlFiles.Read("reports/monthly/number_next.sql"), new { year = issuedOn.Year });
            number = Format(pattern, shortName, issuedOn.Year, seq);
        }
        connection.Execute(SqlFiles.Read("reports/monthly/number_save.sql"), new
        {
            month = month.ToDateTime(TimeOnly.MinValue), year = issuedOn.Year, seq, document_number = number,
            issued_on = issuedOn.ToDateTime(TimeOnly.MinValue),
        });
        return new Assigned(number, issuedOn);
    }

    private sealed class NumberRow
    {
        public int Year { get; set; }
        public int Seq { get; set; }
        public string DocumentNumber { get; set; } = "";
        public DateOnly IssuedOn { get; set; }
    }

    /// <summary>The pattern with {short}, {year} and {seq} filled in, e.g. 南政务监〔2026〕11号.</summary>
    public static string Format(string pattern, string shortName, int year, int seq) =>
        pattern.Replace("{short}", shortName).Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{seq}", seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
