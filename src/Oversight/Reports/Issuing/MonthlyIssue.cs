using DuckDB.NET.Data;
using Oversight.Calendar;
using Oversight.Reports.Monthly;

namespace Oversight.Reports.Issuing;

/// <summary>Issuing a monthly 通报: the step that takes a 文号 and 成文日期 and records the settings in force. Laying
/// out (<see cref="MonthlyBriefingBuilder"/>) takes nothing; `report monthly --issue` and the nightly service both
/// issue through here. This is the place to hook what follows an issue (e.g. rectification proposals): call
/// <see cref="Issue"/> and act on the <see cref="IssuedMonthly"/> it returns.</summary>
public static class MonthlyIssue
{
    /// <summary>An issued briefing: its month, number and date, the hash of the settings it was issued under, and the
    /// laid-out document carrying them.</summary>
    public sealed record IssuedMonthly(DateOnly Month, string DocumentNumber, DateOnly IssuedOn, string SettingsSha256,
        MonthlyBriefing Briefing);

    /// <summary>Lays out the month and issues it. Re-issuing a month keeps its number and date unless new ones are
    /// given; a clock set back, or a number another document carries, is refused before anything is taken. The 整改
    /// proposals carry the problem lines in the words of <paramref name="templates"/> (the shipped ones when null); the
    /// settings recorded include <paramref name="county"/>'s files (the warehouse's county folder).</summary>
    public static IssuedMonthly Issue(DuckDBConnection connection, Configuration.CountyFolder? county, DateOnly month, ReportSettings settings,
        IssueRequest request, DateTime now, TemplateFolder? templates = null)
    {
        IssueClock.Check(connection, now, request.ConfirmClock);
        // Laid out first: a month without data is refused before it takes a number.
        var draft = MonthlyBriefingBuilder.Build(connection, Month.Of(month), settings, now);
        var snapshot = SettingsSnapshot.Of(connection, county, "report_settings", settings);
        var m = settings.Monthly;
        var shortName = string.IsNullOrWhiteSpace(m.CountyShortName) ? draft.CountyName[..1] : m.CountyShortName.Trim();
        var number = DocumentNumbers.Issue(connection, month, m.DocumentNumber, shortName, request, now, snapshot);
        var briefing = draft with { Form = MonthlyBriefingBuilder.FormOf(settings, draft.CountyName, number) };
        // What the issued 通报 names becomes 整改 proposals, which wait for a person to confirm them.
        Rectification.RectificationProposals.FromBriefing(connection, month, number.DocumentNumber,
            MonthlyBriefingBuilder.NamedProblems(connection, month), number.IssuedOn, templates ?? new TemplateFolder());
        return new IssuedMonthly(month, number.DocumentNumber, number.IssuedOn, snapshot.Sha256, briefing);
    }
}
