using System.Globalization;
using Oversight.Reports.Figures;
using Oversight.Reports.Workbooks;

namespace Oversight.Reports.Monthly;

/// <summary>The briefing's annex tables as a workbook for county staff who work in Excel or WPS: one sheet per
/// annex. Every figure is the number the HTML prints (the ranking through the figure catalogue, the lists from the same
/// formatted view model), so they cannot disagree, written as a number cell where it is one, a time as a date cell.</summary>
public static class MonthlyWorkbook
{
    public static readonly string[] SheetNames = Messages.MonthlySheetNames;

    public static void Write(string path, MonthlyBriefing b, FigureCatalogue catalogue)
    {
        // Every sheet is laid out from the figure catalogue's specs: the ranking's (monthly.ranking.sheet) like the
        // documents' table, the lists' (monthly.*.sheet) naming the fields below, so a county renames a header there.
        var ranking = b.RankingSheet ?? throw new InvalidOperationException("The briefing was built without its ranking sheet.");
        WorkbookWriter.Write(path,
        [
            ranking,
            Sheet(SheetNames[1], catalogue, "monthly.overdue.sheet", b.OverdueByCenter.SelectMany(c => c.Cases.Select(k => Fields(
                ("center", c.CenterName), ("case_id", k.CaseId), ("window", k.Window), ("item", k.Item), ("accepted_at", k.AcceptedAt),
                ("due_at", k.DueAt), ("state", k.State), ("working_days", k.WorkingDays))))),
            Sheet(SheetNames[2], catalogue, "monthly.long_open.sheet", b.LongOpenByCenter.SelectMany(c => c.Cases.Select(k => Fields(
                ("center", c.CenterName), ("case_id", k.CaseId), ("window", k.Window), ("item", k.Item), ("accepted_at", k.AcceptedAt),
                ("due_at", k.DueAt), ("days_past_due", k.DaysPastDue), ("working_days", k.WorkingDays))))),
            Sheet(SheetNames[3], catalogue, "monthly.upheld.sheet", b.UpheldByCenter.SelectMany(c => c.Complaints.Select(k => Fields(
                ("center", c.CenterName), ("complaint_id", k.ComplaintId), ("received_at", k.ReceivedAt), ("source", k.Source),
                ("category", k.Category), ("verdict", k.Verdict), ("window", k.Window), ("content", k.Content))))),
            Sheet(SheetNames[4], catalogue, "monthly.violations.sheet", b.ViolationsByCenter.SelectMany(c => c.Checks.Select(k => Fields(
                ("center", c.CenterName), ("check_id", k.CheckId), ("checked_at", k.CheckedAt), ("finding", k.Finding), ("window", k.Window),
                ("note", k.Note))))),
            // The 整改 items open at the month's end by township, overdue (红) first: what the 通报's follow-up counts.
            Sheet(SheetNames[5], catalogue, "monthly.rectification.sheet", (b.Rectification?.OpenItems ?? []).Select(k => Fields(
                ("township", k.Township), ("number", k.Number), ("problem", k.Problem), ("assigned_on", k.AssignedOn),
                ("deadline", k.Deadline), ("status", k.Status), ("light", k.Light), ("working_days_late", k.WorkingDaysLate),
                ("measures", k.Measures)))),
        ]);
    }

    private static Dictionary<string, string> Fields(params (string Field, string Text)[] fields) =>
        fields.ToDictionary(f => f.Field, f => f.Text, StringComparer.Ordinal);

    /// <summary>A list sheet: the spec's columns in its order, a "num" column as the number printed, a "time" column as
    /// a date cell, the rest as the text printed.</summary>
    private static SheetTable Sheet(string name, FigureCatalogue catalogue, string table, IEnumerable<Dictionary<string, string>> rows)
    {
        var columns = catalogue.Table(table);
        var fields = rows.ToList();
        IReadOnlyCollection<string> known = fields.Count > 0 ? fields[0].Keys : [];
        foreach (var c in columns.Where(c => c.Fixed is null || fields.Count > 0 && !known.Contains(c.Fixed)))
            throw new ReportException(Messages.FigureTableField(table, c.Fixed ?? c.Header, FigureCatalogue.FileName));
        return new SheetTable(name, columns.Select(c => c.Header).ToList(), fields.Select(f => columns.Select(c => c.Class switch
        {
            "num" => Num(f[c.Fixed!]),
            "time" => When(f[c.Fixed!]),
            _ => (object?)f[c.Fixed!],
        }).ToArray()).ToList());
    }

    /// <summary>A printed time ("2026-10-12 09:30") or day as the date cell it shows; other text ("2026-10-15 办结") stays text.</summary>
    private static object? When(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : text;

    /// <summary>A printed figure ("1,234", "95.2%", "12.5") as the number it shows; "—" (no data) stays empty.</summary>
    private static object? Num(string text)
    {
        var t = text.Replace(",", "").TrimEnd('%');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
