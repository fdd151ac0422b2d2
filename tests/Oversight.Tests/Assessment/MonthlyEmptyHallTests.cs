using System.Globalization;
using System.Text;
using Oversight.Reports;
using Oversight.Reports.Monthly;

namespace Oversight.Tests.Assessment;

/// <summary>The monthly composite cannot praise an empty hall: 空乡 has ten cases, all on time, no complaints, and
/// both video checks of the month found nobody in the hall; 大镇 has 23 overdue cases. 空乡 still ranks below 大镇,
/// is on the black list, and 存在的问题 says why.</summary>
public class MonthlyEmptyHallTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public void An_empty_hall_is_on_the_black_list_below_a_center_with_overdue_cases_and_named_in_the_problems()
    {
        (string Code, string Name)[] centers = [("433130101", "大镇"), ("433130102", "空乡"), ("433130103", "东镇"), ("433130104", "西镇"),
            ("433130105", "南镇"), ("433130106", "北镇")];
        _w.WriteCsv("centers.csv", "center_code,center_name,county_code,kind,population,head_name\n" +
            string.Concat(centers.Select(c => $"{c.Code},{c.Name},433130,镇,20000,{c.Name}长\n")));
        _w.WriteCsv("windows.csv", "window_code,center_code,window_name,category\n" + string.Concat(centers.Select(c => $"{c.Code}W,{c.Code},综合窗口,综合\n")));
        _w.WriteCsv("items.csv", "item_code,item_name,item_kind,promised_days\nI05,低保申请,行政给付,5\n");
        var cases = new StringBuilder("case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status\n");
        var video = new StringBuilder("check_id,checked_at,center_code,window_code,finding\n");
        foreach (var (code, name) in centers)
        {
            var n = name == "空乡" ? 10 : 200;
            for (var i = 0; i < n; i++)
            {
                var late = name == "大镇" && i < 23;
                cases.Append(CultureInfo.InvariantCulture,
                    $"{code}-{i:000},{code},{code}W,I05,承诺件,窗口,2026-10-{12 + i % 5:00} 09:00,{(late ? "2026-10-30" : $"2026-10-{13 + i % 5:00}")} 10:00,已办结\n");
            }
            for (var i = 0; i < 2; i++)
                video.Append(CultureInfo.InvariantCulture, $"V{code}{i},2026-10-{14 + i} 10:00,{code},{code}W,{(name == "空乡" ? "大厅无人" : "正常")}\n");
        }
        _w.WriteCsv("cases.csv", cases.ToString());
        _w.WriteCsv("video_checks.csv", video.ToString());
        _w.Ingest();

        var templates = new TemplateFolder();
        var briefing = MonthlyBriefingBuilder.Build(_w.Connection, Oversight.Calendar.Month.Of(2026, 10), ReportSettings.Load(templates), new DateTime(2026, 11, 3));
        var empty = briefing.Ranking.Single(r => r.Name == "空乡");
        var big = briefing.Ranking.Single(r => r.Name == "大镇");
        Assert.Equal("黑榜", empty.List);
        Assert.True(big.Rank < empty.Rank, $"大镇 {big.Rank}, 空乡 {empty.Rank}");
        Assert.Equal(briefing.Ranking.Max(r => r.Rank), empty.Rank);
        Assert.Contains(briefing.BlackList, r => r.Name == "空乡");
        Assert.DoesNotContain(briefing.RedList, r => r.Name == "空乡");
        Assert.Contains(BriefingWording.Problems(briefing), p => p.Contains("空乡视频抽查 2 次，其中 2 次发现大厅或窗口无人") && p.Contains("列入黑榜"));
        // The four centers with the same perfect record share a rank.
        Assert.Single(briefing.Ranking.Where(r => r.Name is "东镇" or "西镇" or "南镇" or "北镇").Select(r => r.Rank).Distinct());
    }
}
