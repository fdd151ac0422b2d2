using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Assessment;

/// <summary>Stores a period's results (assessment_score / staff_assessment_score) for the reports and the api views.
/// The period's rows for the scheme are replaced, inside one transaction.</summary>
public static class Results
{
    public static void Save(DuckDBConnection connection, ScoringRules rules, AssessmentPeriod period, AssessmentResult result, DateTime computedAt)
    {
        var table = rules.Subject == "staff" ? "staff_assessment_score" : "assessment_score";
        using var tx = connection.BeginTransaction();
        connection.Execute($"DELETE FROM {table} WHERE scheme = $scheme AND year = $year AND (quarter BETWEEN $first AND $last OR (quarter IS NULL AND $isYear))",
            new { scheme = rules.Name, year = period.Year, first = period.FirstQuarter, last = period.LastQuarter, isYear = period.IsYear }, tx);
        var rows = new List<object>();
        foreach (var s in result.Subjects)
        {
            foreach (var q in s.Quarters)
            {
                var honour = rules.Honour is { } h && result.Honours.TryGetValue(q.Quarter, out var list) && list.Contains(s) ? h.Name : null;
                rows.Add(Row(s, period.Year, q.Quarter, q.Score, q.Band, q.Rank, q.Disqualified, honour));
            }
            if (period.IsYear) rows.Add(Row(s, period.Year, null, s.Score, s.Band, s.Rank, s.Disqualified, null));
        }
        var sql = rules.Subject == "staff"
            ? """
              INSERT INTO staff_assessment_score VALUES ($Year, $Quarter, $Key, $Name, $CenterCode, $WindowCode, $Score, $Band, $Rank,
                  $Disqualified, $Scheme, $ComputedAt)
              """
            : """
              INSERT INTO assessment_score VALUES ($Year, $Quarter, $Key, $Name, $Head, $Score, $Band, $Rank, $Disqualified, $Honour,
                  $Scheme, $ComputedAt)
              """;
        foreach (var row in rows) connection.Execute(sql, row, tx);
        tx.Commit();

        object Row(SubjectScore s, int year, int? quarter, double score, string band, int rank, bool dq, string? honour) => new
        {
            Year = year, Quarter = quarter, s.Subject.Key, Name = s.Subject.Name, s.Subject.Head, s.Subject.CenterCode, s.Subject.WindowCode,
            Score = Math.Round(score, 2), Band = band, Rank = rank, Disqualified = dq, Honour = honour, Scheme = rules.Name, ComputedAt = computedAt,
        };
    }
}
