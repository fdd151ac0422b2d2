using System.Globalization;
using System.Text;
using Oversight.Calendar;

namespace Oversight.Tests.Analytics;

/// <summary>A window of the hand-made county: its volume (cases a month) and, if planted, the month it starts
/// running late.</summary>
public sealed record LateWindow(string Code, string CenterCode, int CasesPerMonth, DateOnly? LateFrom = null);

/// <summary>
/// A county the demo never saw, written through the real feeds: 16 ordinary centers with a small (8 cases a month),
/// a middle (30) and a large (100) window each, all late on 2% of cases at random; three planted windows — small,
/// middle, large — that run 35% late from a known month; and two empty halls (a small and a middle one-window
/// center) where video checks find the hall empty on 7 of 8 checks a month. Only 明查 visits, no 暗访.
/// </summary>
public static class LateWindowCounty
{
    public static readonly DateOnly First = new(2025, 1, 1);
    public const int Months = 10;
    public const string SmallLate = "130123101W1";
    public const string MiddleLate = "130123102W2";
    public const string LargeLate = "130123103W3";
    public const string SmallEmpty = "130123201";
    public const string MiddleEmpty = "130123202";

    private static readonly WorkCalendar Calendar = WorkCalendar.Official();

    public static IReadOnlyList<LateWindow> Windows()
    {
        var windows = new List<LateWindow>();
        for (var c = 1; c <= 16; c++)
        {
            var center = $"130123{100 + c}";
            windows.Add(new LateWindow($"{center}W1", center, 8, center == "130123101" ? new DateOnly(2025, 6, 1) : null));
            windows.Add(new LateWindow($"{center}W2", center, 30, center == "130123102" ? new DateOnly(2025, 7, 1) : null));
            windows.Add(new LateWindow($"{center}W3", center, 100, center == "130123103" ? new DateOnly(2025, 8, 1) : null));
        }
        windows.Add(new LateWindow($"{SmallEmpty}W1", SmallEmpty, 8));
        windows.Add(new LateWindow($"{MiddleEmpty}W1", MiddleEmpty, 30));
        return windows;
    }

    public static void Write(TestWarehouse w)
    {
        var inv = CultureInfo.InvariantCulture;
        var rng = new Random(20250101);
        var windows = Windows();
        var centers = windows.Select(x => x.CenterCode).Distinct().ToList();
        var c = new StringBuilder("center_code,center_name,county_code,kind,population\n");
        foreach (var code in centers)
            c.Append(inv, $"{code},{(code.StartsWith("1301232", StringComparison.Ordinal) ? "空" : "")}镇{code[^2..]},130123,镇,{(code.EndsWith("201", StringComparison.Ordinal) ? 2000 : 8000)}\n");
        var win = new StringBuilder("window_code,center_code,window_name,category\n");
        var staff = new StringBuilder("staff_id,staff_name,center_code,window_code,post,active_from\n");
        foreach (var x in windows)
        {
            win.Append(inv, $"{x.Code},{x.CenterCode},窗口{x.Code[^1]},综合\n");
            staff.Append(inv, $"{x.Code}A,甲{x.Code[^4..]},{x.CenterCode},{x.Code},A岗,2020-01-01\n{x.Code}B,乙{x.Code[^4..]},{x.CenterCode},{x.Code},B岗,2020-01-01\n");
        }
        w.WriteCsv("centers.csv", c.ToString());
        w.WriteCsv("windows.csv", win.ToString());
        w.WriteCsv("staff.csv", staff.ToString());
        w.WriteCsv("items.csv", "item_code,item_name,item_kind,promised_days\nI05,低保申请,行政给付,5\n");

        var cases = new StringBuilder("case_id,center_code,window_code,staff_id,item_code,case_type,channel,accepted_at,completed_at,status\n");
        var video = new StringBuilder("check_id,checked_at,center_code,finding\n");
        var visits = new StringBuilder("visit_id,visited_at,center_code,visit_type,problems_found\n");
        for (var m = 0; m < Months; m++)
        {
            var month = First.AddMonths(m);
            var days = Enumerable.Range(0, DateTime.DaysInMonth(month.Year, month.Month)).Select(month.AddDays).Where(Calendar.IsWorkingDay).ToList();
            foreach (var x in windows)
            {
                var lateShare = x.LateFrom is { } from && month >= from ? 0.35 : 0.02;
                for (var i = 0; i < x.CasesPerMonth; i++)
                {
                    var day = days[i * days.Count / x.CasesPerMonth];
                    var late = rng.NextDouble() < lateShare;
                    var done = Calendar.AddWorkingDays(day, late ? 9 : 2);
                    var staffId = x.Code + (i % 2 == 0 ? "A" : "B");
                    cases.Append(inv, $"{x.Code}-{month:yyyyMM}-{i:D3},{x.CenterCode},{x.Code},{staffId},I05,承诺件,窗口,{day:yyyy-MM-dd} 09:{i % 60:D2},{done:yyyy-MM-dd} 16:00,已办结\n");
                }
            }
            foreach (var center in centers)
            {
                var empty = center is SmallEmpty or MiddleEmpty;
                for (var k = 0; k < 8; k++)
                {
                    var finding = empty ? (k < 7 ? "大厅无人" : "正常") : rng.NextDouble() < 0.05 ? "离岗" : "正常";
                    video.Append(inv, $"V{center}{month:yyyyMM}{k},{days[k * 2]:yyyy-MM-dd} 10:{k:D2},{center},{finding}\n");
                }
                // Announced inspections only: the center backtest has to say it used them.
                if ((centers.IndexOf(center) + m) % 4 == 0)
                    visits.Append(inv, $"X{center}{month:yyyyMM},{days[^3]:yyyy-MM-dd} 10:00,{center},明查,{(empty ? 4 : rng.Next(0, 3))}\n");
            }
        }
        w.WriteCsv("cases.csv", cases.ToString());
        w.WriteCsv("video_checks.csv", video.ToString());
        w.WriteCsv("visits.csv", visits.ToString());
    }
}
