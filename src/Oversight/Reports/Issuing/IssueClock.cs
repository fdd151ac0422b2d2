using Dapper;
using DuckDB.NET.Data;
using Oversight.Warehouse;

namespace Oversight.Reports.Issuing;

/// <summary>Guards 文号 and 成文日期 against a clock that was set back (a CMOS reset): a clock earlier than the newest
/// record or run the warehouse holds would date a briefing in the past and start the wrong year's numbers.</summary>
public static class IssueClock
{
    /// <summary>Records come from other systems whose clocks may run a little ahead of this one; an hour is well inside
    /// any sensible drift and far from a clock reset.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromHours(1);

    /// <summary>Null when the clock is plausible; otherwise a Chinese sentence naming the clock and what is newer.</summary>
    public static string? Problem(DuckDBConnection connection, DateTime now)
    {
        var moments = connection.Query<(string Kind, DateTime? At)>(SqlFiles.Read("reports/issuing/latest_moments.sql"))
            .Where(m => m.At is not null).ToList();
        if (moments.Count == 0) return null;
        var (kind, at) = moments.MaxBy(m => m.At!.Value);
        if (now >= at!.Value - Tolerance) return null;
        var what = kind switch
        {
            "record" => Messages.ClockBehindLatestRecord,
            "load" => Messages.ClockBehindLastLoad,
            "job" => Messages.ClockBehindLastJob,
            _ => Messages.ClockBehindLastIssue,
        };
        return Messages.ClockBehind(now, what, at.Value);
    }

    /// <summary>Refuses to issue under a clock set back, unless the user confirmed it.</summary>
    public static void Check(DuckDBConnection connection, DateTime now, bool confirmed)
    {
        if (confirmed || Problem(connection, now) is not { } problem) return;
        throw new ReportException(Messages.ClockRefusesIssue(problem));
    }
}
