using System.Text;

namespace Oversight.Bench;

/// <summary>Writes N cases in contract format (16 columns, UTF-8), plus the reference feeds they need.</summary>
public static class CaseFileGenerator
{
    public const int Centers = 40;
    public const int WindowsPerCenter = 6;

    public static void WriteReference(string dir)
    {
        var centers = new StringBuilder("center_code,center_name,county_code,kind,population\n");
        var windows = new StringBuilder("window_code,center_code,window_name,category\n");
        for (var c = 0; c < Centers; c++)
        {
            centers.Append($"5119221{c:D2},中心{c},511922,镇,{20000 + c * 100}\n");
            for (var w = 0; w < WindowsPerCenter; w++) windows.Append($"5119221{c:D2}W{w},5119221{c:D2},窗口{w},综合\n");
        }
        var items = new StringBuilder("item_code,item_name,promised_days\n");
        for (var i = 0; i < 150; i++) items.Append($"I{i:D4},事项{i},{i % 8 * 2}\n");
        File.WriteAllText(Path.Combine(dir, "centers.csv"), centers.ToString());
        File.WriteAllText(Path.Combine(dir, "windows.csv"), windows.ToString());
        File.WriteAllText(Path.Combine(dir, "items.csv"), items.ToString());
    }

    public static void WriteCases(string path, long count)
    {
        var rng = new Random(42);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write("case_id,center_code,window_code,staff_id,item_code,case_type,channel,accepted_at,due_at,paused_days,completed_at,status,applicant_id,applicant_phone,recorded_at,updated_at\n");
        var start = new DateTime(2025, 1, 1, 9, 0, 0);
        for (long i = 0; i < count; i++)
        {
            var c = rng.Next(Centers);
            var accepted = start.AddMinutes(i * 525_600.0 / count).AddSeconds(rng.Next(600));
            var done = rng.NextDouble() < 0.9;
            var completed = accepted.AddHours(2 + rng.Next(24 * 20));
            w.Write($"NJ{i:D10},5119221{c:D2},5119221{c:D2}W{rng.Next(WindowsPerCenter)},S{rng.Next(2000):D4},I{rng.Next(150):D4},承诺件,窗口,");
            w.Write($"{accepted:yyyy-MM-dd HH:mm:ss},,{(rng.Next(20) == 0 ? "3" : "")},{(done ? completed.ToString("yyyy-MM-dd HH:mm:ss") : "")},{(done ? "已办结" : "办理中")},");
            w.Write($"511922{1950 + rng.Next(50)}0{1 + rng.Next(9)}1{rng.Next(10)}{rng.Next(1000):D3}{rng.Next(10)},1{3 + rng.Next(6)}{rng.Next(1_000_000_000):D9},");
            w.Write($"{accepted.AddMinutes(5):yyyy-MM-dd HH:mm:ss},{(done ? completed : accepted):yyyy-MM-dd HH:mm:ss}\n");
        }
    }
}
