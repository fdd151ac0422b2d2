using Dapper;
using DuckDB.NET.Data;
using Oversight.Calendar;

namespace Oversight.Assessment;

/// <summary>Records appeals (复核). Evidence is never edited; the latest appeal on a record is what counts. A published
/// result may be appealed within its review period (公示期); after it only with a named approval of the late appeal.</summary>
public static class Appeals
{
    /// <param name="keep">The review kept the record as it was (维持原结论): recorded, the points unchanged.</param>
    public static long Add(DuckDBConnection connection, string source, string recordId, decimal? newQuantity, string reason,
        string approver, DateOnly decidedOn, DateOnly? filedOn = null, string? lateApprovedBy = null, bool keep = false)
    {
        if (!ScoringRules.Sources.Contains(source))
            throw new AssessmentException(Messages.AppealBadSource(source, ScoringRules.Sources));
        if (string.IsNullOrWhiteSpace(reason)) throw new AssessmentException(Messages.AppealNoReason);
        if (string.IsNullOrWhiteSpace(approver)) throw new AssessmentException(Messages.AppealNoApprover);
        if (newQuantity is < 0) throw new AssessmentException(Messages.AppealNegativeQuantity);
        if (keep && newQuantity is not null) throw new AssessmentException(Messages.AppealKeepAndQuantity);
        var record = connection.QueryFirstOrDefault<(DateOnly OccurredOn, int Year, int Quarter, double OriginalQuantity)?>(
            "SELECT occurred_on, year, quarter, original_quantity FROM mart_assessment_evidence WHERE source = $source AND record_id = $recordId",
            new { source, recordId });
        if (record is not { } r)
            throw new AssessmentException(Messages.AppealNoRecord(source, recordId));

        var filed = filedOn ?? decidedOn;
        var publication = LatestPublication(connection, r.Year, r.Quarter);
        if (publication is { } p && filed > p.Deadline && string.IsNullOrWhiteSpace(lateApprovedBy))
            throw new AssessmentException(Messages.AppealTooLate(p.Label, p.PublishedOn, p.Deadline, filed));

        return connection.ExecuteScalar<long>("""
            INSERT INTO assessment_appeal (source, record_id, action, new_quantity, reason, approver, decided_on, recorded_at, filed_on, late_approved_by)
            VALUES ($source, $recordId, $action, $quantity, $reason, $approver, $decidedOn, now()::TIMESTAMP, $filed, $late)
            RETURNING appeal_id
            """,
            new
            {
                source, recordId, action = newQuantity is null && !keep ? "withdraw" : "change",
                quantity = keep ? r.OriginalQuantity : newQuantity is null ? (double?)null : (double)newQuantity.Value, reason, approver,
                decidedOn = decidedOn.ToDateTime(TimeOnly.MinValue), filed = filed.ToDateTime(TimeOnly.MinValue),
                late = string.IsNullOrWhiteSpace(lateApprovedBy) ? null : lateApprovedBy,
            });
    }

    public sealed record Publication(DateOnly PublishedOn, DateOnly Deadline, string Label);

    /// <summary>The latest publication covering a record's quarter, if its results have been published.</summary>
    public static Publication? LatestPublication(DuckDBConnection connection, int year, int quarter, string? scheme = null)
    {
        var row = connection.QueryFirstOrDefault<(DateOnly PublishedOn, DateOnly Deadline, int First, int Last)?>("""
            SELECT published_on, appeal_deadline, first_quarter, last_quarter FROM assessment_publication
            WHERE year = $year AND $quarter BETWEEN first_quarter AND last_quarter AND ($scheme IS NULL OR scheme = $scheme)
            ORDER BY published_on DESC, publication_id DESC LIMIT 1
            """, new { year, quarter, scheme });
        return row is { } p
            ? new Publication(p.PublishedOn, p.Deadline, (p.First == 1 && p.Last == 4 ? AssessmentPeriod.OfYear(year) : AssessmentPeriod.OfQuarter(year, quarter)).Label)
            : null;
    }

    /// <summary>The first publication of exactly this period with this scheme: re-rendering does not reopen the review period.</summary>
    public static (DateOnly PublishedOn, DateOnly Deadline)? PublicationOf(DuckDBConnection connection, ScoringRules rules, AssessmentPeriod period) =>
        connection.QueryFirstOrDefault<(DateOnly, DateOnly)?>("""
            SELECT published_on, appeal_deadline FROM assessment_publication
            WHERE scheme = $scheme AND year = $year AND first_quarter = $first AND last_quarter = $last
            ORDER BY publication_id LIMIT 1
            """, new { scheme = rules.Name, year = period.Year, first = period.FirstQuarter, last = period.LastQuarter });

    /// <summary>Records a publication and its review deadline: <paramref name="workingDays"/> working days after the
    /// report date (that day not counted), by the warehouse's calendar (official calendar plus calendar feeds).</summary>
    public static DateOnly Publish(DuckDBConnection connection, ScoringRules rules, AssessmentPeriod period, DateOnly publishedOn)
    {
        var deadline = Calendar(connection).AddWorkingDays(publishedOn, rules.AppealTermsOrDefault.WorkingDays);
        connection.Execute("""
            INSERT INTO assessment_publication (scheme, subject, year, first_quarter, last_quarter, published_on, appeal_deadline, recorded_at)
            VALUES ($scheme, $subject, $year, $first, $last, $published, $deadline, now()::TIMESTAMP)
            """,
            new
            {
                scheme = rules.Name, subject = rules.Subject, year = period.Year, first = period.FirstQuarter, last = period.LastQuarter,
                published = publishedOn.ToDateTime(TimeOnly.MinValue), deadline = deadline.ToDateTime(TimeOnly.MinValue),
            });
        return deadline;
    }

    public static WorkCalendar Calendar(DuckDBConnection connection) =>
        WorkCalendar.Official(connection.Query<(DateOnly Date, string DayType)>("SELECT date, day_type FROM ref_calendar_override")
            .Select(d => new CalendarDay(d.Date, CalendarDay.ParseType(d.DayType))));
}
