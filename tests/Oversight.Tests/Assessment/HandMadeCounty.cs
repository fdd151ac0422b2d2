using System.Globalization;
using System.Text;
using Oversight.Calendar;

namespace Oversight.Tests.Assessment;

/// <summary>How one hand-made center behaves each quarter: rates are exact (counts are rounded from them), so two
/// centers with the same rates and different volumes differ only in volume.</summary>
public sealed record CenterSpec(string Code, string Name, int CasesPerQuarter, double OverdueShare = 0.02, double RatedShare = 0.5,
    double BadShare = 0.03, double UpheldPer1000 = 2, int VideoChecks = 30, int VideoViolations = 1, double BackfilledShare = 0,
    double UnreachedShare = 0.05, string? Head = null);

/// <summary>Writes a county that the demo never saw through the real feeds: centers, one window and two staff each,
/// cases over the year's quarters in office hours on working days, ratings, complaints, video checks.</summary>
public static class HandMadeCounty
{
    private static readonly WorkCalendar Calendar = WorkCalendar.Official();

    public static void Write(TestWarehouse w, IReadOnlyList<CenterSpec> centers, int year = 2025, int quarters = 4)
    {
        var inv = CultureInfo.InvariantCulture;
        var c = new StringBuilder("center_code,center_name,county_code,kind,population,head_name\n");
        var win = new StringBuilder("window_code,center_code,window_name,category\n");
        var staff = new StringBuilder("staff_id,staff_name,center_code,window_code,post,active_from\n");
        foreach (var s in centers)
        {
            c.Append(inv, $"{s.Code},{s.Name},130123,镇,20000,{s.Head ?? s.Name + "镇长"}\n");
            win.Append(inv, $"{s.Code}W1,{s.Code},综合窗口,综合\n");
            staff.Append(inv, $"{s.Code}A,{s.Name}甲,{s.Code},{s.Code}W1,A岗,2020-01-01\n{s.Code}B,{s.Name}乙,{s.Code},{s.Code}W1,B岗,2020-01-01\n");
        }
        w.WriteCsv("centers.csv", c.ToString());
        w.WriteCsv("windows.csv", win.ToString());
        w.WriteCsv("staff.csv", staff.ToString());
        w.WriteCsv("items.csv", "item_code,item_name,item_kind,promised_days\nI05,低保申请,行政给付,5\n");

        var cases = new StringBuilder("case_id,center_code,window_code,staff_id,item_code,case_type,channel,accepted_at,completed_at,status,recorded_at\n");
        var callbacks = new StringBuilder("callback_id,case_id,method,called_at,reached,rating\n");
        var complaints = new StringBuilder("complaint_id,received_at,source,center_code,window_code,staff_id,category,verdict\n");
        var video = new StringBuilder("check_id,checked_at,center_code,window_code,finding\n");
        foreach (var s in centers)
        {
            for (var q = 1; q <= quarters; q++)
            {
                var days = WorkingDays(year, q);
                var n = s.CasesPerQuarter;
                var overdue = (int)Math.Round(n * s.OverdueShare);
                var backfilled = (int)Math.Round(n * s.BackfilledShare);
                var rated = (int)Math.Round(n * s.RatedShare);
                var bad = (int)Math.Round(rated * s.BadShare);
                var unreached = (int)Math.Round(n * s.UnreachedShare);
                for (var i = 0; i < n; i++)
                {
                    // Spread over the quarter's working days (not the last two weeks, so every case completes in it).
                    var day = days[i * (days.Count - 12) / n];
                    var accepted = day.ToDateTime(new TimeOnly(9 + i % 7, i % 60));
                    var done = Calendar.AddWorkingDays(day, i < overdue ? 8 : 1).ToDateTime(new TimeOnly(10, 0));
                    var recorded = i >= n - backfilled ? accepted.AddDays(5) : accepted.AddMinutes(5);
                    var id = $"{s.Code}-{year}Q{q}-{i:D5}";
                    var staffId = s.Code + (i % 2 == 0 ? "A" : "B");
                    cases.Append(inv, $"{id},{s.Code},{s.Code}W1,{staffId},I05,承诺件,窗口,{accepted:yyyy-MM-dd HH:mm},{done:yyyy-MM-dd HH:mm},已办结,{recorded:yyyy-MM-dd HH:mm}\n");
                    var called = done.AddHours(3);
                    if (i < rated)
                        callbacks.Append(inv, $"HF{id},{id},好差评,{called:yyyy-MM-dd HH:mm},是,{(i % rated < bad ? "不满意" : "满意")}\n");
                    else if (i < rated + unreached)
                        callbacks.Append(inv, $"HF{id},{id},电话回访,{called:yyyy-MM-dd HH:mm},否,\n");
                }
                var upheld = (int)Math.Round(n * s.UpheldPer1000 / 1000);
                for (var i = 0; i < upheld; i++)
                    complaints.Append(inv, $"TS{s.Code}{year}{q}{i:D3},{days[i % days.Count]:yyyy-MM-dd} 10:00,12345热线,{s.Code},{s.Code}W1,{s.Code}A,服务态度,属实\n");
                for (var i = 0; i < s.VideoChecks; i++)
                    video.Append(inv, $"SP{s.Code}{year}{q}{i:D3},{days[i * days.Count / s.VideoChecks]:yyyy-MM-dd} 10:30,{s.Code},{s.Code}W1,{(i < s.VideoViolations ? "离岗" : "正常")}\n");
            }
        }
        w.WriteCsv("cases.csv", cases.ToString());
        w.WriteCsv("callbacks.csv", callbacks.ToString());
        w.WriteCsv("complaints.csv", complaints.ToString());
        w.WriteCsv("video_checks.csv", video.ToString());
    }

    public static List<DateOnly> WorkingDays(int year, int quarter)
    {
        var days = new List<DateOnly>();
        for (var d = new DateOnly(year, quarter * 3 - 2, 1); d.Month <= quarter * 3 && d.Year == year; d = d.AddDays(1))
            if (Calendar.IsWorkingDay(d)) days.Add(d);
        return days;
    }
}
