using Dapper;
using DuckDB.NET.Data;
using Oversight.Assessment;
using Oversight.Reports.Annual;

namespace Oversight.Reports.Issuing;

/// <summary>Issuing an assessment: stores the scores (assessment_score / staff_assessment_score) and records the
/// publication, which opens the review period (公示期) from the day of issue, with the rules and settings in force.
/// Re-issuing keeps the first publication's dates. `report annual|staff --issue` and the nightly service call this.</summary>
public static class AssessmentIssue
{
    public sealed record IssuedAssessment(AnnualAssessmentReport Report, AssessmentResult Result, DateOnly PublishedOn, DateOnly Deadline,
        string SettingsSha256);

    public static IssuedAssessment Issue(DuckDBConnection connection, Configuration.CountyFolder? county, AssessmentPeriod period,
        ScoringRules rules, ReportSettings settings, DateTime now, bool confirmClock, byte[]? drawKey = null)
    {
        IssueClock.Check(connection, now, confirmClock);
        var (draft, result) = AnnualAssessmentBuilder.Build(connection, period, rules, settings, now, drawKey);
        var snapshot = SettingsSnapshot.Of(connection, county, "scoring_rules", rules);
        var today = DateOnly.FromDateTime(now);
        Results.Save(connection, rules, period, result, now);
        var publication = Appeals.PublicationOf(connection, rules, period) is { } pub && pub.PublishedOn <= today
            ? pub
            : (today, Appeals.Publish(connection, rules, period, today));
        connection.Execute("""
            UPDATE assessment_publication SET settings_json = $json, settings_sha256 = $sha
            WHERE publication_id = (SELECT max(publication_id) FROM assessment_publication
                                    WHERE scheme = $scheme AND year = $year AND first_quarter = $first AND last_quarter = $last)
            """, new { json = snapshot.Json, sha = snapshot.Sha256, scheme = rules.Name, year = period.Year, first = period.FirstQuarter,
                       last = period.LastQuarter });
        var report = draft with
        {
            IsDraft = false, AppealNotice = AnnualAssessmentBuilder.Notice(rules, publication),
            Form = AnnualAssessmentBuilder.Form(settings, draft.CountyName, publication.Item1),
        };
        return new IssuedAssessment(report, result, publication.Item1, publication.Item2, snapshot.Sha256);
    }

    /// <summary>File names by kind, period and scheme (乡镇长考核_2026年第三季度_默认方案), so two schemes for one period never
    /// overwrite each other; a draft's say 草稿.</summary>
    public static string FileBase(ScoringRules rules, AssessmentPeriod period, bool draft)
    {
        var scheme = new string(rules.Name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsWhiteSpace(c) ? '_' : c).ToArray());
        return Messages.AssessmentFileBase(rules.Subject == "staff", period.Label, scheme, draft);
    }
}
