using Dapper;
using DuckDB.NET.Data;
using Oversight.Calendar;

namespace Oversight.Rectification;

public enum DataVerdict { NotMeasurable, NoDataYet, Improved, NotImproved }

/// <summary>What the data says about an item: the verdict, the month it rests on, and a Chinese sentence saying so.</summary>
public sealed record DataCheck(DataVerdict Verdict, DateOnly? Month, string Text);

/// <summary>Reads mart_rectification_check (where "the problem is still in the data" is defined, per kind) for the
/// month a 销号 or a follow-up rests on: the latest complete month after the month the problem was found in.</summary>
public static class DataChecks
{
    /// <summary>The check for closing on <paramref name="on"/>: the latest month that has ended before that day and
    /// began after the finding month, and that has data to judge by.</summary>
    public static DataCheck For(DuckDBConnection connection, RectificationItem item, DateOnly on)
    {
        var measurable = connection.ExecuteScalar<string?>("SELECT measurable FROM seed_rectification_kinds WHERE kind = $k", new { k = item.Kind }) == "true";
        if (!measurable) return new DataCheck(DataVerdict.NotMeasurable, null, Messages.DataCheckNotMeasurable);
        // The check reads several marts twice (center and county); built once as the briefing builds them (or shared
        // with the cache the caller holds open).
        using var cache = Warehouse.MartCache.Materialize(connection);
        var rows = connection.Query<(DateOnly Month, bool Persists)>("""
            SELECT month, persists FROM mart_rectification_check
            WHERE item_id = $id AND has_data AND month + INTERVAL 1 MONTH <= $on
            ORDER BY month DESC LIMIT 1
            """, new { id = item.ItemId, on = on.ToDateTime(TimeOnly.MinValue) }).ToList();
        if (rows is not [var r]) return new DataCheck(DataVerdict.NoDataYet, null, Messages.DataCheckNoDataYet);
        var month = Month.Of(r.Month);
        return r.Persists
            ? new DataCheck(DataVerdict.NotImproved, r.Month, Messages.DataCheckPersists(month, Describe(item.Kind)))
            : new DataCheck(DataVerdict.Improved, r.Month, Messages.DataCheckImproved(month));
    }

    /// <summary>What "still there" means for a kind, in the words of sql/marts/mart_rectification_check.sql.</summary>
    public static string Describe(string kind) => kind switch
    {
        "overdue" => Messages.PersistsOverdue,
        "long_open" => Messages.PersistsLongOpen,
        "complaints" or "complaint" => Messages.PersistsComplaints,
        "video" => Messages.PersistsVideo,
        "empty_hall" => Messages.PersistsEmptyHall,
        "satisfaction" => Messages.PersistsSatisfaction,
        "visit" => Messages.PersistsVisit,
        "backfill" => Messages.PersistsBackfill,
        "bad_rating" => Messages.PersistsBadRating,
        _ => Messages.PersistsOther,
    };
}
