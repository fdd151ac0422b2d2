using Quartz;

namespace Oversight.Jobs;

/// <summary>Quartz keeps no memory of fire times missed while the service was down; the warehouse's job history
/// does. A job is due at start-up when its most recent scheduled time has not been covered by a run.</summary>
public static class CatchUp
{
    /// <summary>The most recent fire time at or before <paramref name="now"/> not yet covered, or null.</summary>
    public static DateTime? Due(string cron, DateTime? lastCovered, DateTime now)
    {
        var expression = new CronExpression(cron, TimeZoneInfo.Local);
        var previous = expression.GetPreviousValidTimeBefore(new DateTimeOffset(now.AddSeconds(1)));
        if (previous is null) return null;
        var fire = previous.Value.LocalDateTime;
        return lastCovered is { } covered && covered >= fire ? null : fire;
    }
}
