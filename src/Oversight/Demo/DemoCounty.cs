using System.Globalization;
using System.Reflection;
using Oversight.Calendar;

namespace Oversight.Demo;

/// <summary>
/// Nanjiang County (南江县, 511922): its 32 real township centers with invented windows, staff, items and
/// 36 months of activity, written as contract-format feed files. Problems are planted with known truth
/// (written to <see cref="DemoOptions.TruthPath"/>, outside the inbox). Deterministic by seed.
/// </summary>
public sealed partial class DemoCounty
{
    private readonly DemoOptions _options;
    private readonly Random _rng;
    private readonly WorkCalendar _calendar = WorkCalendar.Official();
    private readonly DateOnly _start;
    private readonly DateOnly _end;

    private readonly List<DemoCenter> _centers = [];
    private readonly List<DemoWindow> _windows = [];
    private readonly List<DemoStaff> _staff = [];
    private readonly List<DemoItem> _items = [];
    private readonly List<DemoCase> _cases = [];
    private readonly List<PlantedWindow> _plantedWindows = [];
    private readonly List<PlantedCenter> _emptyCenters = [];
    private readonly List<PlantedCenter> _hotspots = [];
    private readonly List<PlantedBadRow> _badRows = [];

    private DemoCounty(DemoOptions options)
    {
        _options = options;
        _rng = new Random(options.Seed);
        // The months end with the last complete month: _end is the first day after it (exclusive), the demo's "now".
        _end = new DateOnly(options.Today.Year, options.Today.Month, 1);
        _start = _end.AddMonths(-options.Months);
    }

    public static DemoSummary WriteFeeds(string inboxDir, DemoOptions options)
    {
        Directory.CreateDirectory(inboxDir);
        var demo = new DemoCounty(options);
        demo.BuildReference();
        demo.PlantProblems();
        demo.BuildCases();
        return demo.WriteAll(inboxDir);
    }

    // ---------- reference data ----------

    private void BuildReference()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Oversight.Demo.nanjiang-townships.csv")!;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            var population = f[3] == "街道" ? _rng.Next(60_000, 90_000) : _rng.Next(9_000, 42_000);
            _centers.Add(new DemoCenter(f[0], f[1], f[3], population, PersonName(), 1 + _rng.Next(3)));
        }

        var itemNo = 0;
        foreach (var (category, _, names) in DemoNames.Catalogue)
        {
            foreach (var name in names)
            {
                foreach (var variant in DemoNames.Variants.Take(category is "社保医保" or "民政" or "综合" ? 4 : 3))
                {
                    itemNo++;
                    var instant = name.Contains("证明") || name.Contains("认证") || name.Contains("查询") || name.Contains("采集") || _rng.NextDouble() < 0.3;
                    var promised = instant ? 0 : new[] { 1, 3, 5, 5, 7, 10, 15, 20 }[_rng.Next(8)];
                    var kind = category switch
                    {
                        "民政" or "退役军人" => "行政给付",
                        "不动产" or "户籍" => "行政确认",
                        "市场监管" => "行政许可",
                        "社保医保" => "公共服务",
                        _ => instant ? "便民服务" : "其他",
                    };
                    _items.Add(new DemoItem($"51192200{itemNo:D4}", name + variant, category, kind, promised == 0 ? 0 : promised * 2, promised));
                }
            }
        }

        foreach (var center in _centers)
        {
            var count = center.Kind == "街道" ? 8 : 4 + _rng.Next(5);
            var categories = new List<string> { "综合", "社保医保", "民政" };
            foreach (var (category, _, _) in DemoNames.Catalogue.OrderBy(_ => _rng.Next()))
                if (!categories.Contains(category)) categories.Add(category);
            for (var i = 0; i < count; i++)
            {
                var category = categories[i];
                var window = new DemoWindow($"{center.Code}W{i + 1:D2}", center, $"{category}窗口", category, 0.002 + _rng.NextDouble() * 0.008);
                _windows.Add(window);
                AddStaff(window, "A岗", _rng.NextDouble() < 0.75 ? "在编" : "聘用", _start.AddMonths(-_rng.Next(12, 60)), null);
                AddStaff(window, "B岗", new[] { "聘用", "临聘", "在编", "工勤" }[_rng.Next(4)], _start.AddMonths(-_rng.Next(1, 30)), null);
            }
        }

        // Ordinary turnover: some B posts change hands during the period.
        foreach (var s in _staff.Where(s => s.Post == "B岗").ToList())
        {
            if (_rng.NextDouble() > 0.15) continue;
            var leave = RandomDay(_start.AddMonths(3), _end.AddMonths(-2));
            _staff[_staff.IndexOf(s)] = s with { To = leave };
            AddStaff(s.Window, "B岗", new[] { "聘用", "临聘", "返聘" }[_rng.Next(3)], leave.AddDays(1), null);
        }
    }

    private DemoStaff AddStaff(DemoWindow window, string post, string employment, DateOnly from, DateOnly? to)
    {
        var staff = new DemoStaff($"{window.Center.Code[^3..]}{_staff.Count + 1:D4}", PersonName(), window.Center, window, post, employment, from, to);
        _staff.Add(staff);
        return staff;
    }

    // ---------- planted problems ----------

    private void PlantProblems()
    {
        var towns = _centers.Where(c => c.Kind != "街道").OrderBy(_ => _rng.Next()).ToList();
        foreach (var center in towns.Take(2))
            _emptyCenters.Add(new PlantedCenter(center.Code, center.Name, Month(_start), Month(_end.AddDays(-1)),
                "形同虚设：真实办件很少，视频抽查常见大厅无人/空岗，明查前数日集中补录办件（录入时间远晚于受理时间），回访号码重复使用且多数未接通，从无投诉。"));
        foreach (var center in towns.Skip(2).Take(2))
            _hotspots.Add(new PlantedCenter(center.Code, center.Name, Month(_start), Month(_end.AddDays(-1)), "投诉热点：服务态度、推诿扯皮类投诉约为全县平均的5倍。"));

        var busy = _windows.Where(w => w.Category is "社保医保" or "民政" or "综合" && _emptyCenters.All(e => e.CenterCode != w.Center.Code))
            .OrderBy(_ => _rng.Next()).Take(3).ToList();
        foreach (var (window, n) in busy.Select((w, i) => (w, i)))
        {
            var from = new DateOnly(_start.Year, _start.Month, 1).AddMonths(12 + n * 7);
            var to = from.AddMonths(5 + n * 2);
            if (to >= _end) to = _end.AddMonths(-1);
            var holder = _staff.First(s => s.Window == window && s.Post == "A岗");
            _staff[_staff.IndexOf(holder)] = holder with { To = from.AddDays(-1) };
            // The B post is the only one left: a temporary worker takes it over.
            foreach (var b in _staff.Where(s => s.Window == window && s.Post == "B岗" && (s.To is null || s.To >= from)).ToList())
                _staff[_staff.IndexOf(b)] = b with { To = from.AddDays(-1) };
            AddStaff(window, "B岗", "临聘", from, null);
            AddStaff(window, "A岗", "在编", to.AddMonths(1), null);
            _plantedWindows.Add(new PlantedWindow(window.Code, window.Center.Code, Month(from), Month(to),
                "A岗人员离岗后窗口只剩一名临聘人员，承诺件大量超期，直到新的A岗人员到岗。"));
        }
    }

    private bool IsEmptyCenter(DemoCenter c) => _emptyCenters.Any(e => e.CenterCode == c.Code);

    private bool IsHotspot(DemoCenter c) => _hotspots.Any(e => e.CenterCode == c.Code);

    private PlantedWindow? Planted(DemoWindow w, DateOnly day) =>
        _plantedWindows.FirstOrDefault(p => p.WindowCode == w.Code &&
                                            string.CompareOrdinal(Month(day), p.FromMonth) >= 0 &&
                                            string.CompareOrdinal(Month(day), p.ToMonth) <= 0);

    // ---------- helpers ----------

    private static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private string PersonName() =>
        DemoNames.Surnames[_rng.Next(DemoNames.Surnames.Length)] + DemoNames.GivenChars[_rng.Next(DemoNames.GivenChars.Length)] +
        (_rng.NextDouble() < 0.6 ? DemoNames.GivenChars[_rng.Next(DemoNames.GivenChars.Length)] : "");

    private DateOnly RandomDay(DateOnly from, DateOnly to) => from.AddDays(_rng.Next(Math.Max(1, to.DayNumber - from.DayNumber)));

    private T Pick<T>(IReadOnlyList<(T Value, double Weight)> choices)
    {
        var x = _rng.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            if (x < weight) return value;
            x -= weight;
        }
        return choices[^1].Value;
    }

    private int Poisson(double lambda)
    {
        if (lambda > 30) return Math.Max(0, (int)Math.Round(lambda + Math.Sqrt(lambda) * Gaussian()));
        var l = Math.Exp(-lambda);
        var k = 0;
        var p = 1.0;
        do { k++; p *= _rng.NextDouble(); } while (p > l);
        return k - 1;
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _rng.NextDouble())) * Math.Cos(2 * Math.PI * _rng.NextDouble());

    /// <summary>Office hours with a morning peak and a lunch break.</summary>
    private TimeOnly OfficeTime()
    {
        var minute = Pick<int>([(9 * 60, 0.5), (10 * 60, 0.3), (14 * 60 + 30, 0.12), (16 * 60, 0.08)]) + _rng.Next(90);
        return new TimeOnly(Math.Min(minute / 60, 17), minute % 60, _rng.Next(60));
    }

    private string IdNumber()
    {
        var birth = new DateOnly(1940, 1, 1).AddDays(_rng.Next(365 * 65));
        return $"511922{birth:yyyyMMdd}{_rng.Next(1, 999):D3}" + "0123456789X"[_rng.Next(11)];
    }

    private string PhoneNumber() => $"1{new[] { 3, 5, 7, 8, 9 }[_rng.Next(5)]}{_rng.Next(0, 1_000_000_000):D9}";
}
