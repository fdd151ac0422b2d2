using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Rectification;

public enum DataVerdict { NotMeasurable, NoDataYet, Improved, NotImproved }

/// <summary>What the data says about an item: the verdict, the month it rests on, and a Chinese sentence saying so.</summary>
public sealed record DataCheck(DataVerdict Verdict, DateOnly? Month, string Text);

/// <summary>Reads mart_rectification_check (where "the problem is still in the data" is defined, per kind) for the
/// month a 销号 or a follow-up rests on: the latest complete month after the month the problem was found in.</summary>
public static class DataChecks
{
    public const string NotImprovedLabel = "数据未见改善";

    /// <summary>The check for closing on <paramref name="on"/>: the latest month that has ended before that day and
    /// began after the finding month, and that has data to judge by.</summary>
    public static DataCheck For(DuckDBConnection connection, RectificationItem item, DateOnly on, bool martsMaterialized = false)
    {
        var measurable = connection.ExecuteScalar<string?>("SELECT measurable FROM seed_rectification_kinds WHERE kind = $k", new { k = item.Kind }) == "true";
        if (!measurable) return new DataCheck(DataVerdict.NotMeasurable, null, "该项无可核对的数据指标，凭整改措施和佐证销号");
        // The check reads several marts twice (center and county); built once as the briefing builds them.
        using var cache = martsMaterialized ? null : Warehouse.MartCache.Materialize(connection);
        var rows = connection.Query<(DateOnly Month, bool Persists)>("""
            SELECT month, persists FROM mart_rectification_check
            WHERE item_id = $id AND has_data AND month + INTERVAL 1 MONTH <= $on
            ORDER BY month DESC LIMIT 1
            """, new { id = item.ItemId, on = on.ToDateTime(TimeOnly.MinValue) }).ToList();
        if (rows is not [var r]) return new DataCheck(DataVerdict.NoDataYet, null, "交办后尚无完整月份的数据可核对，下月通报将复核");
        var month = r.Month;
        return r.Persists
            ? new DataCheck(DataVerdict.NotImproved, month, $"{month.Year}年{month.Month}月数据显示问题仍然存在（{Describe(item.Kind)}）")
            : new DataCheck(DataVerdict.Improved, month, $"{month.Year}年{month.Month}月数据显示已改善");
    }

    /// <summary>What "still there" means for a kind, in the words of sql/marts/mart_rectification_check.sql.</summary>
    public static string Describe(string kind) => kind switch
    {
        "overdue" => "按期办结率仍低于全县且有超期办件",
        "long_open" => "所列长期未办结办件月末仍未办结",
        "complaints" or "complaint" => "当月仍有属实投诉",
        "video" => "视频抽查仍发现违规",
        "empty_hall" => "视频抽查仍发现大厅无人",
        "satisfaction" => "回访满意率仍低于全县",
        "visit" => "此后的检查仍发现问题",
        "backfill" => "补录率仍高于全县",
        "bad_rating" => "所列差评仍未整改或又有差评逾期未整改",
        _ => "问题仍然存在",
    };
}
