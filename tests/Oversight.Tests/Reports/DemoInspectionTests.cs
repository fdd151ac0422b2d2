using System.Text.RegularExpressions;
using Oversight.Jobs;
using Oversight.Privacy;
using Oversight.Reports;
using Oversight.Reports.Inspection;
using Oversight.Tests.Demo;

namespace Oversight.Tests.Reports;

/// <summary>The demo county's inspection briefing: confidential on disk, logged, rotating, and checked against the
/// unannounced visits that followed earlier plans.</summary>
[Collection(DemoCountyCollection.Name)]
public class DemoInspectionTests(DemoCountyFixture demo)
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private (ReportFiles Files, InspectionBriefingBuilder.Result Result, long PlanId) Generate(DateOnly month, string folder, bool pdf = false) =>
        InspectionReport.Generate(demo.Warehouse.Connection, demo.Warehouse.DbPath, KeyFile.Load(demo.Warehouse.DbPath), new TemplateFolder(),
            new InspectionReport.Options(month, folder, "县纪委监委第二监督检查室", 8, pdf));

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes; the product runs on Linux servers
    public void The_plan_is_written_owner_only_carries_recipient_and_time_and_every_generation_is_logged()
    {
        var folder = Path.Combine(demo.Warehouse.Root, "restricted-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101); // 0755: the writer must tighten it
        var before = demo.Warehouse.Scalar<long>("SELECT count(*) FROM inspection_plan");

        var (files, result, planId) = Generate(October, folder, pdf: ChromiumPdf.FindBrowser() is not null);

        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(folder));
        Assert.All(files.All, f => Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(f)));
        var html = File.ReadAllText(files.Html);
        Assert.Contains("<span id=\"recipient\">县纪委监委第二监督检查室</span>", html);
        Assert.Matches("<span id=\"generated-at\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</span>", html);
        Assert.Contains("机密", html);
        Assert.Contains("2026年11月暗访工作提示", html);
        Assert.Equal(8, Regex.Matches(html, "<tr data-center=\"511922\\d{3}\"").Count);

        Assert.Equal(before + 1, demo.Warehouse.Scalar<long>("SELECT count(*) FROM inspection_plan"));
        var logged = demo.Warehouse.Query<(string Recipient, string By, string Files)>(
            $"SELECT recipient, generated_by, files FROM inspection_plan WHERE plan_id = {planId}").Single();
        Assert.Equal("县纪委监委第二监督检查室", logged.Recipient);
        Assert.Contains(Environment.UserName, logged.By);
        Assert.Contains(Path.GetFileName(files.Html), logged.Files);
        Assert.Equal(8L, demo.Warehouse.Scalar<long>($"SELECT count(*) FROM inspection_plan_item WHERE plan_id = {planId}"));
        Assert.Equal(result.Plan.Proposals.Select(p => p.CenterCode),
            demo.Warehouse.Query<string>($"SELECT center_code FROM inspection_plan_item WHERE plan_id = {planId} ORDER BY position"));
    }

    [Fact]
    public void The_plan_proposes_the_strongest_planted_empty_center_first_and_says_why_where_and_when()
    {
        var (_, result, _) = Generate(October, Path.Combine(demo.Warehouse.Root, "restricted-why"));
        var planted = demo.Truth.GetProperty("empty_centers").EnumerateArray().Select(e => e.GetProperty("center_code").GetString()!).ToHashSet();
        var first = result.Briefing.Centers[0];
        Assert.Contains(first.Code, planted);
        Assert.Equal("线索", first.Basis);
        Assert.Contains(first.Why, w => Regex.IsMatch(w, "^“形同虚设”预警全县第 [12] 位："));
        Assert.Contains(first.Checks, c => c.Contains("核对受理时间与系统录入时间") || c.Contains("回访电话号码"));
        Assert.StartsWith("视频抽查最常发现空岗：", first.WhenToGo[0]);
        Assert.Matches("周[一二三四五六日] \\d{1,2} 时", first.WhenToGo[0]);
        Assert.Contains(result.Briefing.Centers, c => c.Basis == "轮查");
    }

    [Fact]
    public void Market_days_are_inferred_from_case_volume_and_match_the_demo_towns_busiest_cycle()
    {
        var rows = demo.Warehouse.Query<(string Center, string Days, double Lift, bool IsMarket)>(
            "SELECT center_code, market_days, lift, is_market_town FROM mart_center_market_days");
        Assert.Equal(32, rows.Count);
        // The demo plants a 1.5× market-day rhythm in every town; the quiet empty centers can hide it.
        Assert.True(rows.Count(r => r.IsMarket) >= 25, string.Join("; ", rows));
        Assert.All(rows.Where(r => r.IsMarket), r => Assert.Contains(r.Days, new[] { "1、4、7", "2、5、8", "3、6、9" }));
    }

    [Fact]
    public void A_year_of_plans_proposes_every_center_and_reports_how_proposed_visits_fared_against_the_rest()
    {
        var folder = Path.Combine(demo.Warehouse.Root, "restricted-year");
        InspectionBriefingBuilder.Result? last = null;
        for (var month = new DateOnly(2025, 10, 1); month <= October; month = month.AddMonths(1))
            last = Generate(month, folder).Result;

        var proposed = demo.Warehouse.Query<string>("""
            SELECT DISTINCT i.center_code FROM inspection_plan_item AS i
            JOIN (SELECT month, max(plan_id) AS plan_id FROM inspection_plan GROUP BY month) AS l USING (month, plan_id)
            WHERE i.month BETWEEN DATE '2025-11-01' AND DATE '2026-10-01'
            """);
        Assert.Equal(32, proposed.Count);

        var record = last!.Briefing.Record;
        Assert.True(record.HasHistory);
        Assert.NotEqual("0", record.Proposed.Visits);
        Assert.NotEqual("0", record.NotProposed.Visits);
        Assert.StartsWith("按计划暗访发现问题的比例为", record.Summary);
    }

    [Fact]
    public void Nothing_a_township_reads_mentions_the_plan_and_the_plan_refuses_the_briefings_folder()
    {
        var reports = Path.Combine(demo.Warehouse.Root, "reports");
        var restricted = Path.Combine(demo.Warehouse.Root, "restricted");
        var settings = new ServiceSettings { Database = demo.Warehouse.DbPath, Reports = reports, Restricted = restricted, Pdf = false };
        var counts = MonthlyWork.Run(demo.Warehouse.Connection, settings, KeyFile.Load(demo.Warehouse.DbPath), new DateTime(2026, 11, 1, 6, 0, 0), TextWriter.Null);

        Assert.Contains(counts.Files, f => f.StartsWith(restricted, StringComparison.Ordinal) && f.EndsWith("暗访工作提示_2026-11.html", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(reports, "暗访*"));
        var plan = demo.Warehouse.Query<string>("SELECT recipient FROM inspection_plan ORDER BY plan_id DESC LIMIT 1").Single();
        foreach (var file in Directory.GetFiles(reports))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("暗访工作提示", text);
            Assert.DoesNotContain("暗访计划", text);
            Assert.DoesNotContain(plan, text);
        }

        var error = Assert.Throws<ReportException>(() => Generate(October, reports));
        Assert.Contains("单独的受限目录", error.Message);
    }
}
