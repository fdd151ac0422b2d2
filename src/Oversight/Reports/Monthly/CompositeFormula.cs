using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Reports.Monthly;

/// <summary>The composite score's formula as printed beside the ranking, from the same settings row (core_setting)
/// that mart_period_center computes the score with: change a weight there and both change. The words are in
/// report-templates/monthly/sentences.sbn (functions formula and formula_notes).</summary>
public sealed record CompositeFormula(string Total, string WeightTimeliness, string WeightSatisfaction, string WeightVideo,
    string WeightComplaints, string PointsPerComplaint, string ComplaintCap, CompositeFormula.Shrinkage Shrink, string LongOpenDays)
{
    /// <summary>The shrinkage strengths k (in cases, ratings, checks and cases).</summary>
    public sealed record Shrinkage(string Timeliness, string Satisfaction, string Video, string Complaints);

    public static CompositeSettings Load(DuckDBConnection connection) =>
        connection.QuerySingle<CompositeSettings>(SqlFiles.Read("reports/monthly/composite_settings.sql"));

    public static CompositeFormula Of(CompositeSettings s) => new(
        N(s.CompositeWeightTimeliness + s.CompositeWeightSatisfaction + s.CompositeWeightVideo + s.CompositeWeightComplaints),
        N(s.CompositeWeightTimeliness), N(s.CompositeWeightSatisfaction), N(s.CompositeWeightVideo), N(s.CompositeWeightComplaints),
        N(s.CompositeWeightComplaints / s.ComplaintCapPer1000), N(s.ComplaintCapPer1000),
        new Shrinkage(N(s.ShrinkCasesTimeliness), N(s.ShrinkRatingsSatisfaction), N(s.ShrinkChecksVideo), N(s.ShrinkCasesComplaints)),
        s.LongOpenDaysPastDue.ToString(CultureInfo.InvariantCulture));

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
