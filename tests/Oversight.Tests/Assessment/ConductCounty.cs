using System.Globalization;
using System.Text;
using Dapper;
using Oversight.Calendar;

namespace Oversight.Tests.Assessment;

/// <summary>A hand-made county for conduct-not-volume checks, loaded once through the real feeds:
/// 大镇 (A-post clerk A1 with ten times the cases of A-post clerk A2 at the same overdue share and days; a B-post clerk
/// with no cases), 东镇 and 西镇 (identical records: they must tie), 空镇 (few cases, perfect records, video checks
/// finding an empty hall), 早镇 (open 08:00–17:00) and 晚镇 (09:00–17:30) by the 作息时间 feed, the others on the
/// default 08:30–17:30. Every center but 空镇 has overdue cases, so the 正定 "any overdue case" veto bars five of six.
/// Late finishes in 2025-01: 17:15 and 17:25 at 早镇, 17:45 and 17:55 at 晚镇, 东镇 and 西镇 (closing + 20 min separates each pair).</summary>
public sealed class ConductCounty : IDisposable
{
    public const string Big = "130123201", East = "130123202", West = "130123203", Empty = "130123204", Early = "130123205", Late = "130123206";

    public TestWarehouse W { get; } = new();

    /// <summary>The second working day of 2025-01 and the third: the days of the late finishes (first and second of each pair).</summary>
    public static readonly DateOnly Day1 = HandMadeCounty.WorkingDays(2025, 1)[1], Day2 = HandMadeCounty.WorkingDays(2025, 1)[2];

    private static readonly WorkCalendar Calendar = WorkCalendar.Official();

    public ConductCounty()
    {
        var inv = CultureInfo.InvariantCulture;
        (string Code, string Name)[] centers = [(Big, "大镇"), (East, "东镇"), (West, "西镇"), (Empty, "空镇"), (Early, "早镇"), (Late, "晚镇")];
        W.WriteCsv("centers.csv", "center_code,center_name,county_code,kind,population,head_name\n" +
            string.Concat(centers.Select(c => $"{c.Code},{c.Name},130123,镇,20000,{c.Name}长\n")));
        W.WriteCsv("windows.csv", "window_code,center_code,window_name,category\n" +
            string.Concat(centers.Select(c => $"{c.Code}W1,{c.Code},综合窗口,综合\n")));
        W.WriteCsv("staff.csv", "staff_id,staff_name,center_code,window_code,post,active_from\n" +
            string.Concat(centers.Select(c => $"{c.Code}A1,{c.Name}甲,{c.Code},{c.Code}W1,A岗,2020-01-01\n{c.Code}B,{c.Name}丙,{c.Code},{c.Code}W1,B岗,2020-01-01\n")) +
            $"{Big}A2,大镇乙,{Big},{Big}W1,A岗,2020-01-01\n");
        W.WriteCsv("items.csv", "item_code,item_name,item_kind,promised_days\nI05,低保申请,行政给付,5\n");
        W.WriteCsv("center_hours.csv", $"中心编码,星期,开始日期,结束日期,上班时间,下班时间\n{Early},,,,08:00,17:00\n{Late},,,,09:00,17:30\n");

        var cases = new StringBuilder("case_id,center_code,window_code,staff_id,item_code,case_type,channel,accepted_at,completed_at,status,recorded_at\n");
        var callbacks = new StringBuilder("callback_id,case_id,method,called_at,reached,rating\n");
        var video = new StringBuilder("check_id,checked_at,center_code,window_code,finding\n");
        var n = 0;
        void Case(string center, string staff, DateTime accepted, DateTime done)
        {
            var id = $"K{++n:D6}";
            cases.Append(inv, $"{id},{center},{center}W1,{staff},I05,承诺件,窗口,{accepted:yyyy-MM-dd HH:mm},{done:yyyy-MM-dd HH:mm},已办结,{accepted.AddMinutes(5):yyyy-MM-dd HH:mm}\n");
            if (n % 5 == 0) callbacks.Append(inv, $"HF{id},{id},好差评,{done.AddHours(2):yyyy-MM-dd HH:mm},是,满意\n");
        }
        // count cases a quarter at a share overdue by 3 working days, spread over the quarter's working days.
        void Cases(string center, string staff, int q, int count, double overdueShare)
        {
            var days = HandMadeCounty.WorkingDays(2025, q);
            var overdue = (int)Math.Round(count * overdueShare);
            for (var i = 0; i < count; i++)
            {
                var day = days[3 + i * (days.Count - 15) / count];
                Case(center, staff, day.ToDateTime(new TimeOnly(9, i % 60)), Calendar.AddWorkingDays(day, i < overdue ? 8 : 1).ToDateTime(new TimeOnly(10, 0)));
            }
        }
        for (var q = 1; q <= 4; q++)
        {
            Cases(Big, Big + "A1", q, 1000, 0.04);
            Cases(Big, Big + "A2", q, 100, 0.04);
            foreach (var c in new[] { East, West }) Cases(c, c + "A1", q, 300, 0.02);
            Cases(Empty, Empty + "A1", q, 40, 0);
            foreach (var c in new[] { Early, Late }) Cases(c, c + "A1", q, 200, 0.03);
            var days = HandMadeCounty.WorkingDays(2025, q);
            foreach (var (code, _) in centers)
                for (var i = 0; i < 10; i++)
                    video.Append(inv, $"SP{code}{q}{i:D2},{days[i * days.Count / 10]:yyyy-MM-dd} 10:30,{code},{code}W1,{(code == Empty && i < 8 ? "大厅无人" : "正常")}\n");
        }
        (string Center, TimeOnly First, TimeOnly Second)[] lateFinishes =
            [(Early, new(17, 15), new(17, 25)), (Late, new(17, 45), new(17, 55)), (East, new(17, 45), new(17, 55)), (West, new(17, 45), new(17, 55))];
        foreach (var (center, first, second) in lateFinishes)
        {
            Case(center, center + "A1", Day1.ToDateTime(new TimeOnly(9, 0)), Day1.ToDateTime(first));
            Case(center, center + "A1", Day2.ToDateTime(new TimeOnly(9, 0)), Day2.ToDateTime(second));
        }
        // A Saturday finish at 早镇: the center is not open that day, so it is not extended service either.
        var saturday = new DateOnly(2025, 1, 11);
        Case(Early, Early + "A1", saturday.ToDateTime(new TimeOnly(9, 0)), saturday.ToDateTime(new TimeOnly(18, 30)));
        W.WriteCsv("cases.csv", cases.ToString());
        W.WriteCsv("callbacks.csv", callbacks.ToString());
        W.WriteCsv("video_checks.csv", video.ToString());
        W.Ingest();
    }

    public List<(string Center, DateOnly Day, string Attribute)> ExtendedService() =>
        W.Connection.Query<(string, DateOnly, string)>("SELECT center_code, occurred_on, attribute FROM mart_assessment_evidence WHERE source = '延时服务' ORDER BY 1, 2")
            .ToList();

    public void Dispose() => W.Dispose();
}
