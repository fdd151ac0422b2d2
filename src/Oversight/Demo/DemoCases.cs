namespace Oversight.Demo;

public sealed partial class DemoCounty
{
    private static readonly double[] MonthFactor = [1.10, 0.80, 1.15, 1.00, 1.05, 0.95, 0.95, 1.15, 1.20, 0.85, 1.00, 1.10];

    private readonly List<(DemoCenter Center, DateOnly Day)> _announcedInspections = [];

    private void BuildCases()
    {
        // Announced inspections (明查) mid-quarter: the day empty centers prepare for.
        foreach (var center in _centers)
            for (var q = new DateOnly(_start.Year, _start.Month, 1); q <= _end; q = q.AddMonths(3))
            {
                var day = q.AddDays(30 + _rng.Next(20));
                while (!_calendar.IsWorkingDay(day)) day = day.AddDays(1);
                if (day < _end) _announcedInspections.Add((center, day));
            }

        var windowsByCenter = _windows.GroupBy(w => w.Center).ToDictionary(g => g.Key, g => g.ToList());
        var itemsByCategory = _items.GroupBy(i => i.Category).ToDictionary(g => g.Key, g => g.ToList());
        var categoryWeight = DemoNames.Catalogue.ToDictionary(c => c.Category, c => c.Weight);
        var seq = 0;
        for (var day = _start; day < _end; day = day.AddDays(1))
        {
            var working = _calendar.IsWorkingDay(day);
            var weekday = day.DayOfWeek switch
            {
                DayOfWeek.Monday => 1.25, DayOfWeek.Tuesday => 1.05, DayOfWeek.Wednesday => 1.0,
                DayOfWeek.Thursday => 0.95, DayOfWeek.Friday => 0.9, _ => 0.6,
            };
            foreach (var center in _centers)
            {
                var market = day.Day % 3 == center.MarketDay % 3 ? 1.5 : 1.0;
                var lambda = working
                    ? center.Population / 1000.0 * 0.33 * MonthFactor[day.Month - 1] * weekday * market
                    : center.Population / 1000.0 * 0.01; // online and kiosk cases on days off
                if (IsEmptyCenter(center)) lambda *= 0.2;
                var n = Poisson(lambda);
                var windows = windowsByCenter[center];
                for (var i = 0; i < n; i++)
                {
                    var window = Pick(windows.Select(w => (w, categoryWeight[w.Category])).ToList());
                    var item = itemsByCategory[window.Category][_rng.Next(itemsByCategory[window.Category].Count)];
                    _cases.Add(NewCase(++seq, window, item, day.ToDateTime(OfficeTime()), working, recordedLate: null));
                }
            }
        }

        // Empty centers fill their books in the days before each announced inspection.
        foreach (var (center, inspection) in _announcedInspections.Where(a => IsEmptyCenter(a.Center)))
        {
            var windows = windowsByCenter[center];
            for (var i = 0; i < 35 + _rng.Next(20); i++)
            {
                var window = windows[_rng.Next(windows.Count)];
                var item = itemsByCategory[window.Category][_rng.Next(itemsByCategory[window.Category].Count)];
                var accepted = inspection.AddDays(-5 - _rng.Next(40));
                while (!_calendar.IsWorkingDay(accepted)) accepted = accepted.AddDays(-1);
                if (accepted < _start) continue;
                var recorded = inspection.AddDays(-1 - _rng.Next(3)).ToDateTime(new TimeOnly(19 + _rng.Next(4), _rng.Next(60)));
                _cases.Add(NewCase(++seq, window, item, accepted.ToDateTime(OfficeTime()), true, recorded));
            }
        }
        _cases.Sort((a, b) => a.AcceptedAt.CompareTo(b.AcceptedAt));
    }

    private DemoCase NewCase(int seq, DemoWindow window, DemoItem item, DateTime accepted, bool working, DateTime? recordedLate)
    {
        var day = DateOnly.FromDateTime(accepted);
        var staff = _staff.Where(s => s.Window == window && s.From <= day && (s.To is null || s.To >= day)).ToList();
        var channel = working
            ? Pick<string>([("窗口", 0.70), ("网上", 0.14), ("代办", 0.09), ("自助", 0.05), ("邮寄", 0.02)])
            : Pick<string>([("网上", 0.8), ("自助", 0.2)]);
        var caseType = item.PromisedDays == 0 ? "即办件" : Pick<string>([("承诺件", 0.94), ("补办件", 0.03), ("退回件", 0.03)]);
        var paused = item.PromisedDays >= 10 && _rng.NextDouble() < 0.08 ? 2 + _rng.Next(9) : 0;

        // Overdue pressure: the window's base rate, more when only one person is left, far more when planted.
        var pOverdue = window.BaseOverdue * (staff.Count <= 1 ? 2 : 1) * (item.PromisedDays >= 10 ? 1.5 : 1);
        if (Planted(window, day) is not null) pOverdue = 0.45;
        var overdue = item.PromisedDays > 0 && _rng.NextDouble() < pOverdue;

        DateTime? completed;
        string status;
        var roll = _rng.NextDouble();
        if (item.PromisedDays == 0)
        {
            completed = accepted.AddMinutes(5 + _rng.Next(90));
            status = "已办结";
        }
        else
        {
            var workDays = overdue
                ? item.PromisedDays + paused + 1 + _rng.Next(6)
                : Math.Max(0, (int)Math.Round((item.PromisedDays + paused) * (0.15 + 0.8 * _rng.NextDouble())));
            completed = _calendar.AddWorkingDays(day, workDays).ToDateTime(OfficeTime());
            if (completed <= accepted) completed = accepted.AddMinutes(30 + _rng.Next(120)); // same-day completion
            status = caseType == "退回件" ? "已退回" : roll < 0.01 ? "不予受理" : roll < 0.015 ? "已撤销" : "已办结";
            if (status != "已办结") completed = null;
        }
        if (completed > _end.ToDateTime(TimeOnly.MinValue)) { completed = null; status = "办理中"; }

        return new DemoCase
        {
            Id = $"NJ{day:yyyyMMdd}{seq:D6}",
            Window = window,
            Item = item,
            StaffId = staff.Count == 0 ? null : staff[_rng.Next(staff.Count)].Id,
            CaseType = caseType,
            Channel = channel,
            AcceptedAt = accepted,
            // Most platforms export the due time; some leave it to the warehouse.
            DueAt = item.PromisedDays > 0 && _rng.NextDouble() < 0.5 ? _calendar.DueAt(accepted, item.PromisedDays) : null,
            PausedDays = paused == 0 ? null : paused,
            CompletedAt = completed,
            FinalStatus = status,
            ApplicantId = IdNumber(),
            Phone = PhoneNumber(),
            RecordedAt = recordedLate ?? accepted.AddMinutes(_rng.Next(1, 20)),
            Overdue = overdue,
        };
    }
}
