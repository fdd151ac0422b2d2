using Dapper;
using DuckDB.NET.Data;

namespace Oversight.Rectification;

/// <summary>The 通报's "上月交办问题整改情况": the items found the month before and assigned, as of this month's end —
/// closed on time, overdue (open past the deadline, or closed after it), and those whose problem this month's data
/// still shows (数据未见改善, whatever their status) — with the centers named; the three lights of every open item;
/// and, for the annex, every item open past its deadline by township, and every item open at the month's end (the
/// workbook's 整改台账 sheet). Counts are formatted for the templates.</summary>
public sealed record RectificationFollowUp(
    string Assigned,
    string ClosedOnTime,
    string Overdue,
    string NotImproved,
    string OverdueCenters,
    string NotImprovedCenters,
    string Open,
    string Red,
    string Yellow,
    string Blue,
    IReadOnlyList<TownshipOverdueItems> OverdueByTownship,
    IReadOnlyList<OpenItem> OpenItems)
{
    public bool HasItems => Assigned != "0" || Open != "0";

    public static RectificationFollowUp For(DuckDBConnection connection, DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var lastDay = first.AddMonths(1).AddDays(-1);
        var items = connection.Query<FollowUpRow>("""
            SELECT i.item_id, i.doc_number, i.center_code, coalesce(c.center_name, i.center_code) AS center_name, i.description,
                   i.assigned_on, i.deadline, i.status, i.reviewed_on, i.finding_month, i.measures,
                   coalesce(k.persists AND k.has_data, false) AS not_improved
            FROM core_rectification_item($last_day) AS i
            LEFT JOIN dim_center AS c USING (center_code)
            LEFT JOIN mart_rectification_check AS k ON k.item_id = i.item_id AND k.month = $month
            WHERE i.doc_number IS NOT NULL AND i.assigned_on <= $last_day
            ORDER BY i.center_code, i.doc_year, i.doc_seq
            """, new { month = first.ToDateTime(TimeOnly.MinValue), last_day = lastDay.ToDateTime(TimeOnly.MinValue) }).ToList();

        // Status and closing day as of the month's end (from the item's history, core_rectification_item): a later close
        // or reopen does not rewrite this month's 通报.
        bool ClosedBy(FollowUpRow r) => r.Status == RectificationStatus.Closed.Name() && r.ReviewedOn is { } d && d <= lastDay;
        bool Late(FollowUpRow r) => r.Deadline is { } dl && dl < lastDay && (!ClosedBy(r) || r.ReviewedOn!.Value > dl);
        var lastMonth = items.Where(r => r.FindingMonth == first.AddMonths(-1)).ToList();
        var onTime = lastMonth.Where(r => ClosedBy(r) && !Late(r)).ToList();
        var overdue = lastMonth.Where(Late).ToList();
        var notImproved = lastMonth.Where(r => r.NotImproved).ToList();

        var lights = RectificationLights.For(connection, lastDay);
        var calendar = Assessment.Appeals.Calendar(connection);
        var annex = items.Where(r => !ClosedBy(r) && r.Status != RectificationStatus.Dropped.Name() && r.Deadline is { } dl && dl < lastDay)
            .GroupBy(r => r.CenterName)
            .Select(g => new TownshipOverdueItems(g.Key, g.Select(r => new OverdueItem(r.DocNumber, r.Description,
                r.Deadline!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Status,
                calendar.WorkingDaysBetween(r.Deadline!.Value, lastDay).ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.IsNullOrWhiteSpace(r.Measures) ? Messages.MeasuresNotSent : Messages.MeasuresSent)).ToList()))
            .ToList();
        var light = lights.ToDictionary(l => l.ItemId);
        var open = items.Where(r => light.ContainsKey(r.ItemId))
            .OrderBy(r => r.CenterCode, StringComparer.Ordinal).ThenByDescending(r => light[r.ItemId].IsOverdue).ThenBy(r => r.Deadline)
            .Select(r => new OpenItem(r.CenterName, r.DocNumber, r.Description, Day(r.AssignedOn), Day(r.Deadline), r.Status,
                light[r.ItemId].Light ?? "", light[r.ItemId].IsOverdue ? N(calendar.WorkingDaysBetween(r.Deadline!.Value, lastDay)) : "",
                string.IsNullOrWhiteSpace(r.Measures) ? Messages.MeasuresNotSent : Messages.MeasuresSent))
            .ToList();
        return new RectificationFollowUp(N(lastMonth.Count), N(onTime.Count), N(overdue.Count), N(notImproved.Count),
            Names(overdue), Names(notImproved), N(lights.Count), N(lights.Count(l => l.Light == LightColor.Red)),
            N(lights.Count(l => l.Light == LightColor.Yellow)), N(lights.Count(l => l.Light == LightColor.Blue)), annex, open);
    }

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static string Names(IEnumerable<FollowUpRow> rows) => string.Join("、", rows.Select(r => r.CenterName).Distinct());

    private sealed class FollowUpRow
    {
        public long ItemId { get; set; }
        public string DocNumber { get; set; } = "";
        public string CenterCode { get; set; } = "";
        public string CenterName { get; set; } = "";
        public string Description { get; set; } = "";
        public DateOnly? AssignedOn { get; set; }
        public DateOnly? Deadline { get; set; }
        public string Status { get; set; } = "";
        public DateOnly? ReviewedOn { get; set; }
        public DateOnly FindingMonth { get; set; }
        public string? Measures { get; set; }
        public bool NotImproved { get; set; }
    }
}

public sealed record TownshipOverdueItems(string Township, IReadOnlyList<OverdueItem> Items);

public sealed record OverdueItem(string Number, string Problem, string Deadline, string Status, string WorkingDaysLate, string Measures);

/// <summary>An item open at the month's end, for the workbook's 整改台账 sheet: its light then, and how many working days
/// past its deadline when red.</summary>
public sealed record OpenItem(string Township, string Number, string Problem, string AssignedOn, string Deadline, string Status,
    string Light, string WorkingDaysLate, string Measures);
