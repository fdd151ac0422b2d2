namespace Oversight.Reports.Inspection;

/// <summary>
/// When to go, from a center's video checks over 12 months by weekday and by hour. A time is advised only where it
/// rests on at least <c>minChecks</c> checks and found violations more often than the center's checks did overall;
/// otherwise the briefing says the sample is too small (样本不足) rather than advise from three checks.
/// </summary>
public static class InspectionTiming
{
    private static readonly string[] Weekdays = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    public static IReadOnlyList<string> Advice(IReadOnlyList<TimingSlotRow> slots, int minChecks)
    {
        var hours = slots.Where(s => s.SlotKind == "hour").ToList();
        var checks = hours.Sum(s => s.VideoChecks);
        var violations = hours.Sum(s => s.VideoViolations);
        if (checks == 0) return [$"近 12 个月没有视频抽查记录，样本不足，无法建议时段；建议在工作时间随机安排"];
        var overall = (double)violations / checks;

        var large = slots.Where(s => s.VideoChecks >= minChecks).ToList();
        if (large.Count == 0)
            return [$"样本不足：近 12 个月视频抽查 {ReportText.Count(checks)} 次，每个星期几、每个钟点都不足 {minChecks} 次，不据此建议时段；建议在工作时间随机安排"];

        string Name(TimingSlotRow s) => s.SlotKind == "hour" ? $"{s.Slot} 时" : Weekdays[s.Slot];
        string Line(TimingSlotRow s) =>
            $"{Name(s)}（抽查 {ReportText.Count(s.VideoChecks)} 次，违规 {ReportText.Count(s.VideoViolations)} 次，{ReportText.Percent((double)s.VideoViolations / s.VideoChecks)}）";
        var worse = large
            .Where(s => s.VideoViolations >= 2 && (double)s.VideoViolations / s.VideoChecks > overall)
            .OrderByDescending(s => (double)s.VideoViolations / s.VideoChecks).ThenByDescending(s => s.VideoChecks)
            .ThenBy(s => s.SlotKind, StringComparer.Ordinal).ThenBy(s => s.Slot)
            .ToList();
        var advice = new List<string>();
        foreach (var kind in new[] { "weekday", "hour" })
        {
            var top = worse.Where(s => s.SlotKind == kind).Take(2).ToList();
            if (top.Count > 0)
                advice.Add($"视频抽查违规较集中的{(kind == "hour" ? "钟点" : "日子")}：{string.Join("；", top.Select(Line))}，高于本中心全部抽查的 {ReportText.Percent(overall)}");
        }
        if (advice.Count == 0)
            advice.Add($"近 12 个月视频抽查 {ReportText.Count(checks)} 次，抽查 {minChecks} 次以上的时段中违规都不比平均（{ReportText.Percent(overall)}）集中，建议在工作时间随机安排");
        return advice;
    }
}
