namespace Oversight.Demo;

/// <summary>Complaints, callbacks, video checks and visits, driven by the cases and the planted problems.</summary>
public sealed partial class DemoCounty
{
    private readonly List<object?[]> _complaints = [];
    private readonly List<object?[]> _callbacks = [];
    private readonly List<object?[]> _videoChecks = [];
    private readonly List<object?[]> _visits = [];

    private static readonly string[] ComplaintColumns =
        ["complaint_id", "received_at", "source", "center_code", "window_code", "staff_id", "case_id", "category", "content", "verdict", "responded_at", "closed_at", "complainant_phone", "updated_at"];
    private static readonly string[] CallbackColumns =
        ["callback_id", "case_id", "method", "called_at", "reached", "rating", "comment", "rectified_at", "phone"];
    private static readonly string[] VideoColumns =
        ["check_id", "checked_at", "center_code", "window_code", "checker", "finding", "staff_on_duty", "people_waiting", "note"];
    private static readonly string[] VisitColumns =
        ["visit_id", "visited_at", "center_code", "window_code", "visit_type", "team", "problems_found", "severity", "findings"];

    private void BuildActivity()
    {
        var now = _end.ToDateTime(TimeOnly.MinValue);
        var repeatPhones = Enumerable.Range(0, 12).Select(_ => PhoneNumber()).ToList();
        var reusedPhone = _emptyCenters.ToDictionary(e => e.CenterCode, _ => PhoneNumber());
        var n = 0;
        foreach (var c in _cases)
        {
            var center = c.Window.Center;
            // Complaints: about late cases above all, many more at hotspots, none at all at empty centers.
            var p = 0.003 + (c.Overdue ? 0.06 : 0) ;
            if (IsHotspot(center)) p *= 5;
            if (IsEmptyCenter(center)) p = 0;
            if (_rng.NextDouble() < p)
            {
                var category = c.Overdue && _rng.NextDouble() < 0.7 ? "办理超时"
                    : Pick<string>(IsHotspot(center)
                        ? [("服务态度", 0.45), ("推诿扯皮", 0.3), ("多次跑", 0.1), ("吃拿卡要", 0.05), ("其他", 0.1)]
                        : [("服务态度", 0.3), ("推诿扯皮", 0.15), ("多次跑", 0.2), ("窗口无人", 0.1), ("吃拿卡要", 0.03), ("其他", 0.22)]);
                var received = c.AcceptedAt.AddDays(1 + _rng.Next(20)).Date.AddHours(9 + _rng.Next(8)).AddMinutes(_rng.Next(60));
                if (received < now)
                {
                    var pending = received > now.AddDays(-10) && _rng.NextDouble() < 0.6;
                    var verdict = pending ? "核查中" : Pick<string>([("属实", 0.3), ("部分属实", 0.15), ("不属实", 0.55)]);
                    var responded = pending ? (DateTime?)null : received.AddDays(1 + _rng.Next(6)).AddHours(_rng.Next(5));
                    var texts = DemoNames.ComplaintTexts[category];
                    _complaints.Add([
                        $"TS{received:yyyyMMdd}{++n:D5}", received, Pick<string>([("12345热线", 0.6), ("意见箱", 0.08), ("现场", 0.1), ("网上", 0.12), ("信访", 0.05), ("上级转办", 0.05)]),
                        center.Code, c.Window.Code, c.StaffId, c.Id, category, texts[_rng.Next(texts.Length)],
                        verdict == "核查中" && _rng.NextDouble() < 0.5 ? null : verdict, responded, responded?.AddDays(_rng.Next(3)),
                        _rng.NextDouble() < 0.15 ? repeatPhones[_rng.Next(repeatPhones.Count)] : c.Phone, responded ?? received]);
                }
            }

            // Callbacks and 好差评 on completed cases.
            if (c.CompletedAt is { } done && _rng.NextDouble() < (IsEmptyCenter(center) ? 0.6 : 0.35))
            {
                var method = Pick<string>([("好差评", 0.5), ("电话回访", 0.35), ("短信", 0.1), ("现场评价", 0.05)]);
                var called = done.AddHours(2 + _rng.Next(72));
                if (called >= now) continue;
                var empty = IsEmptyCenter(center);
                var reached = method is "好差评" or "现场评价" || _rng.NextDouble() < (empty ? 0.35 : 0.88);
                string? rating = null;
                DateTime? rectified = null;
                if (reached)
                {
                    rating = c.Overdue
                        ? Pick<string>([("非常满意", 0.15), ("满意", 0.3), ("基本满意", 0.25), ("不满意", 0.22), ("非常不满意", 0.08)])
                        : Pick<string>([("非常满意", 0.55), ("满意", 0.31), ("基本满意", 0.1), ("不满意", 0.03), ("非常不满意", 0.01)]);
                    if (rating is "不满意" or "非常不满意" && _rng.NextDouble() < 0.8)
                        rectified = _calendar.AddWorkingDays(DateOnly.FromDateTime(called), 2 + _rng.Next(18)).ToDateTime(OfficeTime());
                    if (rectified >= now) rectified = null;
                }
                var phone = empty && _rng.NextDouble() < 0.7 ? reusedPhone[center.Code] : c.Phone;
                _callbacks.Add([$"HF{called:yyyyMMdd}{++n:D6}", c.Id, method, called, reached ? "是" : "否", rating,
                    rating is "不满意" or "非常不满意" ? "办理时间太长，没人解释进度。" : null, rectified, method == "好差评" ? null : phone]);
            }
        }

        foreach (var center in _centers)
        {
            var windows = _windows.Where(w => w.Center == center).ToList();
            for (var month = new DateOnly(_start.Year, _start.Month, 1); month < _end; month = month.AddMonths(1))
            {
                for (var i = 0; i < 8 + _rng.Next(6); i++)
                {
                    var day = RandomDay(month, month.AddMonths(1));
                    if (!_calendar.IsWorkingDay(day) || day >= _end) continue;
                    var time = new TimeOnly(8 + _rng.Next(10), _rng.Next(60));
                    var late = time.Hour >= 16 || day.DayOfWeek == DayOfWeek.Friday && time.Hour >= 14;
                    var hall = _rng.NextDouble() < 0.25;
                    var window = hall ? null : windows[_rng.Next(windows.Count)];
                    var pViolation = (IsEmptyCenter(center) ? 0.5 : 0.07) * (late ? 2 : 1);
                    if (window is not null && Planted(window, day) is not null) pViolation = 0.3;
                    var finding = _rng.NextDouble() >= pViolation ? Pick<string>([("正常", 0.97), ("设备离线", 0.02), ("画面遮挡", 0.01)])
                        : hall ? (IsEmptyCenter(center) ? "大厅无人" : Pick<string>([("大厅无人", 0.3), ("空岗", 0.4), ("着装不规范", 0.3)]))
                        : Pick<string>([("离岗", 0.35), ("空岗", 0.25), ("玩手机", 0.3), ("睡岗", 0.05), ("着装不规范", 0.05)]);
                    var onDuty = finding is "大厅无人" ? 0 : finding is "空岗" or "离岗" ? _rng.Next(0, 2) : 1 + _rng.Next(hall ? 6 : 2);
                    _videoChecks.Add([$"SP{day:yyyyMMdd}{++n:D6}", day.ToDateTime(time), center.Code, window?.Code,
                        $"县纪委监委{1 + _rng.Next(3)}组", finding, onDuty, finding == "大厅无人" ? 0 : _rng.Next(0, 8),
                        finding == "正常" ? null : "已截图留存"]);
                }
            }
        }

        foreach (var (center, day) in _announcedInspections)
            _visits.Add(Visit(center, day, "明查", ref n));
        foreach (var center in _centers)
            for (var d = _start.AddDays(_rng.Next(120)); d < _end; d = d.AddDays(150 + _rng.Next(150)))
                if (_calendar.IsWorkingDay(d)) _visits.Add(Visit(center, d, "暗访", ref n));
    }

    private object?[] Visit(DemoCenter center, DateOnly day, string type, ref int n)
    {
        var planted = _plantedWindows.Where(p => p.CenterCode == center.Code && string.CompareOrdinal(Month(day), p.FromMonth) >= 0 && string.CompareOrdinal(Month(day), p.ToMonth) <= 0).ToList();
        // Announced visits find a tidy hall; unannounced ones find what is really there.
        var problems = type == "明查" ? Poisson(0.4) : Poisson(IsEmptyCenter(center) ? 3.5 : planted.Count > 0 ? 2.5 : 0.7);
        var severity = problems == 0 ? "无" : problems >= 3 ? (IsEmptyCenter(center) ? "严重" : "较重") : "一般";
        var findings = problems == 0 ? null
            : IsEmptyCenter(center) && type == "暗访" ? "工作时间大厅无人值守，台账与系统记录不符。"
            : planted.Count > 0 ? "窗口仅一人值守，积压件较多。" : "个别窗口人员离岗、服务指南未更新。";
        return [$"JC{day:yyyyMMdd}{++n:D5}", day.ToDateTime(new TimeOnly(9 + _rng.Next(7), _rng.Next(60))), center.Code,
            planted.FirstOrDefault()?.WindowCode, type, type == "明查" ? "县政务服务管理局检查组" : $"县纪委监委第{1 + _rng.Next(4)}监督检查室",
            problems, severity, findings];
    }
}
