using System.Text;
using Oversight.Demo;
using Oversight.Ingest;

namespace Oversight.Tests.Demo;

public class DemoCountyTests(DemoCountyFixture demo) : IClassFixture<DemoCountyFixture>
{
    [Fact]
    public void The_demo_county_has_nanjiangs_32_real_townships_with_4_to_8_windows_each()
    {
        var w = demo.Warehouse;
        Assert.Equal(32L, w.Scalar<long>("SELECT count(*) FROM dim_center WHERE county_code = '511922'"));
        Assert.Equal("长赤镇", w.Scalar<string>("SELECT center_name FROM dim_center WHERE center_code = '511922103'"));
        Assert.Equal((4L, 8L), w.Query<(long, long)>("SELECT min(n), max(n) FROM (SELECT count(*) n FROM dim_window GROUP BY center_code)").Single());
        Assert.InRange(w.Scalar<long>("SELECT count(*) FROM dim_item"), 140, 220);
        Assert.Equal(["A岗", "B岗"], w.Query<string>("SELECT DISTINCT post FROM dim_staff ORDER BY 1"));
        Assert.True(w.Scalar<long>("SELECT count(DISTINCT employment) FROM dim_staff") >= 4);
    }

    [Fact]
    public void Every_demo_file_loads_through_the_contract_and_only_the_planted_bad_rows_are_rejected()
    {
        Assert.All(demo.Report.Files, f => Assert.Equal(Outcomes.Loaded, f.Outcome));
        var planted = demo.Truth.GetProperty("bad_rows").EnumerateArray()
            .Select(r => (r.GetProperty("column").GetString()!, r.GetProperty("file").GetString()!)).Order().ToList();
        Assert.True(planted.Count >= 6, "the demo should plant several kinds of bad rows");
        var rejected = demo.Warehouse.Query<(string, string)>(
            "SELECT column_name, regexp_replace(file_name, '\\.(csv|xlsx)$', '') FROM load_reject ORDER BY 1, 2");
        Assert.Equal(planted, rejected);
    }

    [Fact]
    public void The_demo_mixes_formats_encodings_and_header_languages()
    {
        var files = demo.Warehouse.Query<(string Format, string Encoding)>("SELECT format, encoding FROM load_file");
        Assert.Contains(files, f => f.Format == "xlsx");
        Assert.Contains(files, f => f.Encoding == "gb18030");
        Assert.Contains(files, f => f.Encoding == "utf-8");
        Assert.Contains(demo.Summary.Files, f => Path.GetFileName(f).StartsWith("办件_", StringComparison.Ordinal));
        Assert.Contains(demo.Summary.Files, f => Path.GetFileName(f).StartsWith("cases_", StringComparison.Ordinal));
    }

    [Fact]
    public void Thirty_six_complete_months_ending_with_the_last_complete_month_with_a_spring_festival_dip()
    {
        var w = demo.Warehouse;
        var months = w.Query<(string Month, long Cases)>(
            "SELECT strftime(accepted_at, '%Y-%m'), count(*) FROM fct_case GROUP BY 1 ORDER BY 1");
        Assert.Equal(36, months.Count);
        Assert.Equal("2026-10", months[^1].Month); // built on 24 November 2026: October is the last complete month
        Assert.Equal("2023-11", months[0].Month);
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM fct_complaint WHERE received_at >= TIMESTAMP '2026-11-01'"));
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM fct_case WHERE completed_at >= TIMESTAMP '2026-11-01'"));
        var feb = months.Single(m => m.Month == "2026-02").Cases;
        var mar = months.Single(m => m.Month == "2026-03").Cases;
        Assert.True(feb < mar * 0.8, $"February {feb} should dip below March {mar}");
        // Mondays are busier than Fridays; nobody is accepted at 12:30 over lunch in numbers.
        Assert.True(w.Scalar<long>("SELECT count(*) FROM fct_case WHERE isodow(accepted_at) = 1") >
                    w.Scalar<long>("SELECT count(*) FROM fct_case WHERE isodow(accepted_at) = 5"));
    }

    [Fact]
    public void Planted_overdue_prone_windows_are_far_more_overdue_in_their_months_than_the_county()
    {
        var w = demo.Warehouse;
        var county = w.Scalar<double>("SELECT avg(is_overdue::INT) FROM core_case WHERE case_type = '承诺件'");
        foreach (var p in demo.Truth.GetProperty("overdue_prone_windows").EnumerateArray())
        {
            var rate = w.Scalar<double>($"""
                SELECT avg(is_overdue::INT) FROM core_case WHERE case_type = '承诺件'
                AND window_code = '{p.GetProperty("window_code").GetString()}'
                AND strftime(accepted_at, '%Y-%m') BETWEEN '{p.GetProperty("from_month").GetString()}' AND '{p.GetProperty("to_month").GetString()}'
                """);
            Assert.True(rate > 5 * county, $"{p} overdue rate {rate:P1} vs county {county:P1}");
        }
    }

    [Fact]
    public void Planted_empty_centers_show_empty_halls_late_records_reused_phones_and_no_complaints()
    {
        var w = demo.Warehouse;
        foreach (var c in demo.Truth.GetProperty("empty_centers").EnumerateArray())
        {
            var code = c.GetProperty("center_code").GetString();
            Assert.True(w.Scalar<double>($"SELECT avg((finding IN ('大厅无人', '空岗', '离岗'))::INT) FROM fct_video_check WHERE center_code = '{code}'") > 0.25);
            Assert.True(w.Scalar<long>($"SELECT count(*) FROM core_case WHERE center_code = '{code}' AND record_lag_hours > 72") > 50);
            Assert.Equal(0L, w.Scalar<long>($"SELECT count(*) FROM fct_complaint WHERE center_code = '{code}'"));
            Assert.True(w.Scalar<long>($"""
                SELECT max(n) FROM (SELECT count(*) n FROM fct_callback b JOIN fct_case k USING (case_id)
                WHERE k.center_code = '{code}' AND b.phone_hash IS NOT NULL GROUP BY b.phone_hash)
                """) > 100);
        }
    }

    [Fact]
    public void The_truth_file_is_outside_the_inbox_and_names_centers_and_windows_that_exist()
    {
        Assert.False(demo.Summary.TruthPath.StartsWith(demo.Warehouse.Inbox, StringComparison.Ordinal));
        foreach (var p in demo.Truth.GetProperty("overdue_prone_windows").EnumerateArray())
            Assert.Equal(1L, demo.Warehouse.Scalar<long>($"SELECT count(*) FROM dim_window WHERE window_code = '{p.GetProperty("window_code").GetString()}'"));
        Assert.Equal(2, demo.Truth.GetProperty("empty_centers").GetArrayLength());
        Assert.Equal(2, demo.Truth.GetProperty("complaint_hotspots").GetArrayLength());
    }
}

public class DemoDeterminismTests
{
    [Fact]
    public void The_same_seed_writes_identical_files_and_another_seed_does_not()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        using var c = new TempDir();
        var today = new DateOnly(2026, 11, 24);
        DemoCounty.WriteFeeds(a.File("in"), new DemoOptions { Seed = 3, Today = today, Months = 4, TruthPath = a.File("t.json") });
        DemoCounty.WriteFeeds(b.File("in"), new DemoOptions { Seed = 3, Today = today, Months = 4, TruthPath = b.File("t.json") });
        DemoCounty.WriteFeeds(c.File("in"), new DemoOptions { Seed = 4, Today = today, Months = 4, TruthPath = c.File("t.json") });
        var names = Directory.GetFiles(a.File("in")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(names, Directory.GetFiles(b.File("in")).Select(Path.GetFileName).Order().ToList());
        foreach (var name in names)
            Assert.Equal(Content(a.File("in"), name!), Content(b.File("in"), name!));
        Assert.Equal(File.ReadAllText(a.File("t.json")), File.ReadAllText(b.File("t.json")));
        Assert.NotEqual(Content(a.File("in"), "centers.csv"), Content(c.File("in"), "centers.csv"));
    }

    /// <summary>CSV bytes as written; XLSX as the cells it holds (the zip container carries timestamps).</summary>
    private static string Content(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        if (!name.EndsWith(".xlsx", StringComparison.Ordinal)) return Convert.ToHexString(File.ReadAllBytes(path));
        var csv = path + ".csv";
        XlsxToCsv.Convert(path, csv);
        return File.ReadAllText(csv, Encoding.UTF8);
    }
}
