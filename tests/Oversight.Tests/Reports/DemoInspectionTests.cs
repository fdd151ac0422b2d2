using System.Text.RegularExpressions;
using Oversight.Jobs;
using Oversight.Privacy;
using Oversight.Reports;
using Oversight.Reports.Inspection;
using Oversight.Tests.Demo;
using Oversight.Warehouse;

namespace Oversight.Tests.Reports;

/// <summary>The demo county's inspection briefing: confidential on disk, logged, rotating, and checked against the
/// unannounced visits that followed earlier plans.</summary>
public class DemoInspectionTests(DemoCountyFixture demo) : IClassFixture<DemoCountyFixture>
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private (ReportFiles Files, InspectionBriefingBuilder.Result Result, StoredPlan Plan) Generate(DateOnly month, string folder, bool pdf = false)
    {
        var (files, result, plan) = InspectionReport.Generate(demo.Warehouse.Connection, demo.Warehouse.DbPath, KeyFile.Load(demo.Warehouse.DbPath),
            new TemplateFolder(), new InspectionReport.Options(month, folder, "县纪委监委第二监督检查室", 8, pdf, Issue: true));
        Assert.NotNull(plan);
        return (files, result, plan);
    }

    [Fact]
    public void A_draft_takes_no_copy_number_and_is_not_logged_until_it_is_issued()
    {
        var folder = Path.Combine(demo.Warehouse.Root, "restricted-draft");
        var store = new InspectionPlanStore(folder);
        ReportFiles Draft() => InspectionReport.Generate(demo.Warehouse.Connection, demo.Warehouse.DbPath, KeyFile.Load(demo.Warehouse.DbPath),
            new TemplateFolder(), new InspectionReport.Options(October, folder, "县纪委监委第二监督检查室", 8, Pdf: false)).Files;

        var draft = Draft();
        Draft();
        Assert.Equal("暗访工作提示_2026-11_草稿.html", Path.GetFileName(draft.Html));
        Assert.Empty(store.Load());
        var html = File.ReadAllText(draft.Html);
        Assert.Contains("<p class=\"draft-mark\" id=\"draft-mark\">征求意见稿</p>", html);
        Assert.DoesNotContain("id=\"copy-number\"", html);
        Assert.Contains("<div class=\"issued-on\" id=\"issued-on\">　　年　　月　　日</div>", html);

        var (issued, result, plan) = Generate(October, folder);
        Assert.Equal("暗访工作提示_2026-11.html", Path.GetFileName(issued.Html));
        Assert.Equal(plan.PlanId, Assert.Single(store.Load()).PlanId);
        Assert.Equal(plan.PlanId.ToString("D6"), result.Briefing.CopyNumber);
        html = File.ReadAllText(issued.Html);
        Assert.Contains($"<p class=\"copy-number\" id=\"copy-number\">{result.Briefing.CopyNumber}</p>", html);
        Assert.DoesNotContain("征求意见稿", html);
        Assert.Matches("<div class=\"issued-on\" id=\"issued-on\">\\d{4}年\\d{1,2}月\\d{1,2}日</div>", html);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes; the product runs on Linux servers
    public void The_plan_is_written_owner_only_carries_recipient_and_time_and_every_generation_is_logged()
    {
        var folder = Path.Combine(demo.Warehouse.Root, "restricted-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101); // 0755: the writer must tighten it

        var (files, result, logged) = Generate(October, folder, pdf: ChromiumPdf.FindBrowser() is not null);

        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(folder));
        var store = new InspectionPlanStore(folder);
        Assert.All(files.All.Append(store.FilePath), f => Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(f)));
        var html = File.ReadAllText(files.Html);
        Assert.Contains("<span id=\"recipient\">县纪委监委第二监督检查室</span>", html);
        Assert.Matches("<div class=\"issued-on\" id=\"issued-on\">\\d{4}年\\d{1,2}月\\d{1,2}日</div>", html);
        Assert.Contains("机密", html);
        Assert.Contains("2026年11月暗访工作提示", html);
        Assert.Equal(8, Regex.Matches(html, "<tr data-center=\"511922\\d{3}\"").Count);

        // The log is in the restricted folder, with the issuer as author and the account only for audit.
        var plan = Assert.Single(store.Load());
        Assert.Equal(logged.PlanId, plan.PlanId);
        Assert.Equal("县纪委监委第二监督检查室", plan.Recipient);
        Assert.Contains(Environment.UserName, plan.Account);
        Assert.DoesNotContain("@", plan.GeneratedBy);
        Assert.Contains(plan.Files, f => f == files.Html);
        Assert.Equal(result.Plan.Proposals.Select(p => p.CenterCode), plan.Items.Select(i => i.CenterCode));
        Assert.Equal(0L, demo.Warehouse.Scalar<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_name ILIKE '%plan%'"));
    }

    [Fact]
    public void The_plan_proposes_the_strongest_planted_empty_center_first_and_says_why_where_and_when()
    {
        var (_, result, _) = Generate(October, Path.Combine(demo.Warehouse.Root, "restricted-why"));
        var planted = demo.Truth.GetProperty("empty_centers").EnumerateArray().Select(e => e.GetProperty("center_code").GetString()!).ToHashSet();
        var first = result.Briefing.Centers[0];
        Assert.Contains(first.Code, planted);
        Assert.Equal("线索", first.Basis);
        Assert.Contains(BriefingWording.Why(first), w => Regex.IsMatch(w, "^“形同虚设”预警全县第 [12] 位："));
        Assert.Contains(BriefingWording.Checks(first), c => c.Contains("核对受理时间与系统录入时间") || c.Contains("重复使用的回访号码"));
        Assert.StartsWith("视频抽查违规较集中的", first.WhenToGo[0]);
        Assert.Matches("(周[一二三四五六日]|\\d{1,2} 时)（抽查 \\d+ 次，违规 \\d+ 次", first.WhenToGo[0]);
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
        // The year's generations read the same facts: they share one materialised copy of the case layers, as a
        // nightly run's steps do, instead of each building its own.
        using (MartCache.Materialize(demo.Warehouse.Connection))
            for (var month = new DateOnly(2025, 10, 1); month <= October; month = month.AddMonths(1))
                last = Generate(month, folder).Result;

        var proposed = new InspectionPlanStore(folder).Load()
            .Where(p => p.Month >= new DateOnly(2025, 11, 1) && p.Month <= October)
            .GroupBy(p => p.Month).Select(g => g.MaxBy(p => p.PlanId)!)
            .SelectMany(p => p.Items.Select(i => i.CenterCode)).Distinct().ToList();
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
        var counts = MonthlyWork.Run(new Oversight.Warehouse.CountyWarehouse(demo.Warehouse.Connection, null), settings, KeyFile.Load(demo.Warehouse.DbPath), new DateTime(2026, 11, 1, 6, 0, 0), TextWriter.Null);

        Assert.Contains(counts.Files, f => f.StartsWith(restricted, StringComparison.Ordinal) && f.EndsWith("暗访工作提示_2026-11.html", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(reports, "暗访*"));
        var plan = new InspectionPlanStore(restricted).Load()[^1].Recipient;
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
