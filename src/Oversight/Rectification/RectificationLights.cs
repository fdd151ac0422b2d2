using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Rectification;

/// <summary>An open item's light on a day (三色督办: 红 overdue, 黄 behind, 蓝 due soon; null when none), as
/// core_rectification_item defines it.</summary>
public sealed record ItemLight(long ItemId, string CenterCode, string? Light, bool IsOverdue);

public static class RectificationLights
{
    public static List<ItemLight> For(DuckDBConnection connection, DateOnly day) =>
        connection.Query<(long ItemId, string CenterCode, string? Light, bool? IsOverdue)>(
                "SELECT item_id, center_code, light, is_overdue FROM core_rectification_item($day) WHERE is_open ORDER BY item_id",
                new { day = day.ToDateTime(TimeOnly.MinValue) })
            .Select(r => new ItemLight(r.ItemId, r.CenterCode, r.Light, r.IsOverdue ?? false)).ToList();

    /// <summary>"未销号 12 项：红灯 2、黄灯 3、蓝灯 1" for `status` and the 通报.</summary>
    public static string Summary(IReadOnlyList<ItemLight> lights) =>
        Messages.LightsSummary(lights.Count, lights.Count(l => l.Light == LightColor.Red), lights.Count(l => l.Light == LightColor.Yellow),
            lights.Count(l => l.Light == LightColor.Blue));
}
