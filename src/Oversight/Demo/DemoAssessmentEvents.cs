namespace Oversight.Demo;

/// <summary>Assessment events (考核记录): what the center's daily checks and the county's periodic checks record
/// about staff, and the commendations a center collects. Drawn per staff member on post, so a busy center with more
/// windows has more of them; the planted empty centers are found off post far more often. A random source of its
/// own, so adding this feed changed none of the other demo files.</summary>
public sealed partial class DemoCounty
{
    private static readonly string[] EventColumns =
        ["event_id", "occurred_on", "center_code", "window_code", "staff_id", "kind", "quantity", "recorder", "note"];

    private static readonly (string Kind, double PerStaffMonth)[] StaffFindings =
    [
        ("迟到早退", 0.05), ("离岗10分钟以上", 0.03), ("离岗30分钟以上", 0.01), ("玩手机", 0.02), ("着装不规范", 0.02),
        ("未佩戴胸牌", 0.01), ("违反十不准", 0.003), ("与群众争吵", 0.002),
    ];

    private static readonly (string Kind, double PerCenterMonth)[] Commendations =
    [
        ("表扬信", 0.25), ("锦旗", 0.08), ("上门服务", 0.3), ("代办服务", 0.3), ("延时服务", 0.2), ("合理化建议采纳", 0.03),
        ("媒体报道县级", 0.04), ("媒体报道市级", 0.01), ("获奖市级", 0.005),
    ];

    private List<object?[]> BuildAssessmentEvents()
    {
        var rng = new Random(_options.Seed + 16);
        var rows = new List<object?[]>();
        var n = 0;
        for (var month = new DateOnly(_start.Year, _start.Month, 1); month < _end; month = month.AddMonths(1))
        {
            var monthEnd = month.AddMonths(1);
            foreach (var center in _centers)
            {
                var empty = IsEmptyCenter(center);
                var recorder = $"{center.Name}便民服务中心办公室";
                foreach (var s in _staff.Where(s => s.Center == center && s.From < monthEnd && (s.To is null || s.To >= month)))
                {
                    foreach (var (kind, p) in StaffFindings)
                    {
                        var rate = empty && kind.StartsWith("离岗", StringComparison.Ordinal) ? p * 8 : p;
                        if (rng.NextDouble() >= rate) continue;
                        var day = WorkingDayIn(rng, month, monthEnd);
                        if (day is null) continue;
                        rows.Add([$"KH{day:yyyyMMdd}{++n:D5}", day, center.Code, s.Window.Code, s.Id, kind, 1, recorder,
                            kind == "与群众争吵" ? "办事群众反映，经调看录像属实。" : null]);
                    }
                }
                foreach (var (kind, p) in Commendations)
                {
                    if (empty || rng.NextDouble() >= p) continue;
                    var day = WorkingDayIn(rng, month, monthEnd);
                    if (day is null) continue;
                    var window = _windows.Where(w => w.Center == center).ElementAt(rng.Next(_windows.Count(w => w.Center == center)));
                    rows.Add([$"KH{day:yyyyMMdd}{++n:D5}", day, center.Code, kind.StartsWith("媒体", StringComparison.Ordinal) || kind.StartsWith("获奖", StringComparison.Ordinal) ? null : window.Code,
                        null, kind, kind is "上门服务" or "代办服务" ? 1 + rng.Next(3) : 1, "县政务服务管理局", null]);
                }
            }
        }
        return rows;
    }

    private DateOnly? WorkingDayIn(Random rng, DateOnly from, DateOnly to)
    {
        var day = from.AddDays(rng.Next(Math.Max(1, to.DayNumber - from.DayNumber)));
        return _calendar.IsWorkingDay(day) && day < _end ? day : null;
    }
}
