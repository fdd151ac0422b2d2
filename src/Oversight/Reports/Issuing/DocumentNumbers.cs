using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Reports.Issuing;

/// <summary>Gives each issued monthly briefing its 文号 from the settings' pattern and a per-year sequence kept in the
/// warehouse (briefing_number). A month keeps the number and 成文日期 it was first issued with unless told otherwise;
/// a number already carried by another document is refused; the sequence runs on after the highest number used,
/// numbers given by hand included.</summary>
public static class DocumentNumbers
{
    public static IssuedNumber Issue(DuckDBConnection connection, DateOnly month, string pattern, string shortName,
        IssueRequest request, DateTime now, SettingsSnapshot settings)
    {
        var p = new { month = month.ToDateTime(TimeOnly.MinValue) };
        var existing = connection.QueryFirstOrDefault<NumberRow>(SqlFiles.Read("reports/monthly/number_get.sql"), p);
        var issuedOn = request.IssuedOn ?? existing?.IssuedOn ?? DateOnly.FromDateTime(now);
        int year, seq;
        string number;
        var byHand = false;
        if (request.DocumentNumber is { } given && !(existing is { } same && Fold(same.DocumentNumber) == Fold(given)))
        {
            number = given.Trim();
            RefuseTaken(connection, month, number);
            (year, seq) = Parse(pattern, shortName, number) is { } parsed ? (parsed.Year == 0 ? issuedOn.Year : parsed.Year, parsed.Seq) : (issuedOn.Year, 0);
            byHand = true;
        }
        else if (existing is { } k && (request.IssuedOn is null || k.Year == issuedOn.Year))
        {
            (year, seq, number, byHand) = (k.Year, k.Seq, k.DocumentNumber, k.GivenByHand ?? false);
        }
        else
        {
            year = issuedOn.Year;
            seq = connection.ExecuteScalar<int>(SqlFiles.Read("reports/monthly/number_next.sql"), new { year });
            number = Format(pattern, shortName, year, seq);
            RefuseTaken(connection, month, number);
        }
        connection.Execute(SqlFiles.Read("reports/monthly/number_save.sql"), new
        {
            month = month.ToDateTime(TimeOnly.MinValue), year, seq, document_number = number,
            issued_on = issuedOn.ToDateTime(TimeOnly.MinValue), assigned_at = now, settings_json = settings.Json,
            settings_sha256 = settings.Sha256, given_by_hand = byHand,
        });
        return new IssuedNumber(number, issuedOn);
    }

    /// <summary>The number already issued for this month, if any (a draft never takes one).</summary>
    public static IssuedNumber? Of(DuckDBConnection connection, DateOnly month) =>
        connection.QueryFirstOrDefault<NumberRow>(SqlFiles.Read("reports/monthly/number_get.sql"),
            new { month = month.ToDateTime(TimeOnly.MinValue) }) is { } e ? new IssuedNumber(e.DocumentNumber, e.IssuedOn) : null;

    private static void RefuseTaken(DuckDBConnection connection, DateOnly month, string number)
    {
        var taken = connection.Query<(string Kind, DateOnly Period, string DocumentNumber)>(SqlFiles.Read("reports/monthly/number_taken.sql"),
            new { month = month.ToDateTime(TimeOnly.MinValue) }).FirstOrDefault(t => Fold(t.DocumentNumber) == Fold(number));
        if (taken.DocumentNumber is not null)
            throw new ReportException(Messages.DocumentNumberTaken(number, taken.Period.Year, taken.Period.Month));
    }

    /// <summary>The year and sequence of a number written by the pattern (also by hand), if it follows it.</summary>
    public static (int Year, int Seq)? Parse(string pattern, string shortName, string number)
    {
        var regex = "^" + Regex.Escape(Fold(pattern))
            .Replace(Regex.Escape("{short}"), Regex.Escape(Fold(shortName)), StringComparison.Ordinal)
            .Replace(Regex.Escape("{year}"), @"(?<year>\d{4})", StringComparison.Ordinal)
            .Replace(Regex.Escape("{seq}"), @"(?<seq>\d{1,6})", StringComparison.Ordinal) + "$";
        var m = Regex.Match(Fold(number), regex);
        if (!m.Success) return null;
        var year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : 0;
        return (year, int.Parse(m.Groups["seq"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Full-width digits and blanks are the same number to a reader: 〔２０２６〕１１号 is 〔2026〕11号.</summary>
    private static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(ch)) sb.Append(ch);
        return sb.ToString();
    }

    private sealed class NumberRow
    {
        public int Year { get; set; }
        public int Seq { get; set; }
        public string DocumentNumber { get; set; } = "";
        public DateOnly IssuedOn { get; set; }
        public bool? GivenByHand { get; set; }
    }

    /// <summary>The pattern with {short}, {year} and {seq} filled in, e.g. 南政务监〔2026〕11号.</summary>
    public static string Format(string pattern, string shortName, int year, int seq) =>
        pattern.Replace("{short}", shortName).Replace("{year}", year.ToString(CultureInfo.InvariantCulture))
            .Replace("{seq}", seq.ToString(CultureInfo.InvariantCulture));
}
