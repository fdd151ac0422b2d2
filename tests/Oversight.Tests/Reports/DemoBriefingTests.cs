using System.Text.RegularExpressions;
using Oversight.Reports;
using Oversight.Reports.Monthly;
using Oversight.Tests.Demo;

namespace Oversight.Tests.Reports;

/// <summary>The demo county's October 2026 briefing, rendered as a reader would get it.</summary>
public class DemoBriefingTests(DemoCountyFixture demo) : IClassFixture<DemoCountyFixture>
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private MonthlyBriefing Build() =>
        MonthlyBriefingBuilder.Build(demo.Warehouse.Connection, Oversight.Calendar.Month.Of(October), ReportSettings.Load(new TemplateFolder()), new DateTime(2026, 11, 24, 6, 0, 0));

    [Fact]
    public void Headless_chromium_shows_all_32_centers_in_the_ranking_and_the_three_charts()
    {
        var browser = ChromiumPdf.FindBrowser();
        Assert.True(browser is not null, "需要 Chromium：运行 .ci/install-deps 安装 chromium 和中文字体");
        var outDir = Path.Combine(demo.Warehouse.Root, "briefing");
        var files = ReportWriter.Write(new TemplateFolder(), "monthly/briefing", Build(), outDir, "october", pdf: true);

        var dom = ChromiumPdf.DumpDom(browser!, files.Html);
        var ranking = Regex.Match(dom, "<table id=\"ranking\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Equal(32, Regex.Matches(ranking, "<tr data-center=\"511922\\d{3}\"").Count);
        Assert.Contains("长赤镇", ranking);
        foreach (var chart in new[] { "chart-trend", "chart-ranking", "chart-heatmap" })
            Assert.Matches($"<svg class=\"chart {chart}\"", dom);

        var png = Path.Combine(outDir, "october.png");
        ChromiumPdf.Screenshot(browser!, files.Html, png);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
        Assert.True(bytes.Length > 50_000, $"screenshot only {bytes.Length} bytes");

        var pdf = File.ReadAllBytes(files.Pdf!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count >= 3, "the briefing should run to several A4 pages");
        var pages = BriefingPrint.PdfPages(files.Pdf!);
        for (var i = 0; i < pages.Count; i++) Assert.Matches($@"(?m)^\s*— {i + 1} —\s*$", pages[i]);
        var text = string.Join("\n", pages);
        Assert.DoesNotMatch(BriefingPrint.Technical, text);
        Assert.Contains("二、存在的问题", text);
        Assert.DoesNotMatch(BriefingPrint.Technical, BriefingPrint.Text(dom));
        Assert.True(pdf.Length < 2_000_000, $"PDF {pdf.Length:N0} bytes");
    }

    [Fact]
    public void The_briefing_names_red_and_black_lists_from_the_ranking_and_lists_the_months_problems()
    {
        var model = Build();
        Assert.Equal(32, model.Ranking.Count);
        // Ranks run 1..32 by position, except that equal composites (as printed) share the better rank (并列).
        for (var i = 0; i < model.Ranking.Count; i++)
        {
            var tied = i > 0 && model.Ranking[i].Rank == model.Ranking[i - 1].Rank;
            Assert.Equal(tied ? model.Ranking[i - 1].Rank : i + 1, model.Ranking[i].Rank);
            if (tied) Assert.Equal(model.Ranking[i - 1].Score, model.Ranking[i].Score);
        }
        Assert.Contains(Enumerable.Range(0, model.Ranking.Count), i => model.Ranking[i].Rank != i + 1); // the demo's October has ties
        // The red list is every center ranked in the top five (a tie at fifth place brings both); the black list every
        // center ranked in the bottom five, plus any center found an empty hall; none is on both.
        Assert.Equal(model.Ranking.Where(r => r.Rank <= 5).Select(r => r.Code), model.RedList.Select(r => r.Code));
        Assert.Subset(model.BlackList.Select(r => r.Code).ToHashSet(),
            model.Ranking.Where(r => r.Rank > model.Ranking.Count - 5).Select(r => r.Code).ToHashSet());
        Assert.NotEmpty(model.BlackList);
        Assert.DoesNotContain(model.BlackList, b => model.RedList.Any(r => r.Code == b.Code));
        Assert.Equal(8, model.Headline.Count);
        Assert.True(model.OverdueCaseCount != "0" && model.UpheldComplaintCount != "0" && model.VideoViolationCount != "0");
        Assert.Equal(model.OverdueCaseCount, ReportText.Count(model.OverdueByCenter.Sum(c => c.Cases.Count)));
        Assert.Equal("南江县", model.CountyName); // from the shipped GB/T 2260 table: settings.json names no county
        Assert.StartsWith("南江县", model.Form.IssuingBodies[0]);
        Assert.True(model.Form.IsDraft); // laid out, not issued: no 文号 taken
        Assert.Equal("", model.Form.DocumentNumber);
    }

    [Fact]
    public void The_demo_ledger_is_reported_back_in_the_briefing_with_counts_that_add_up()
    {
        Assert.True(demo.LedgerItems > 0, "the demo county should have a year of 整改 items");
        var follow = Build().Rectification;
        Assert.NotNull(follow);
        int N(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        // September's items, as they stood at the end of October: closed on time and overdue are apart.
        Assert.True(N(follow.Assigned) > 0, "items were assigned in September");
        Assert.True(N(follow.ClosedOnTime) + N(follow.Overdue) <= N(follow.Assigned));
        Assert.True(N(follow.ClosedOnTime) > 0, "most demo items are closed on time");
        Assert.True(N(follow.Red) + N(follow.Yellow) + N(follow.Blue) <= N(follow.Open));
    }

    [Fact]
    public void Every_score_change_is_explained_by_the_composites_own_parts_largest_first_with_signs_that_match()
    {
        var model = Build();
        Assert.NotEmpty(model.Improved);
        Assert.NotEmpty(model.Worsened);
        foreach (var m in model.Improved.Concat(model.Worsened))
        {
            var parts = m.Details.Split('；');
            var points = parts.Select(d => Regex.Match(d, @"得分 ([+−])(\d+\.\d)$")).Select(x =>
                (x.Groups[1].Value == "+" ? 1 : -1) * double.Parse(x.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var change = double.Parse(m.ScoreNow, System.Globalization.CultureInfo.InvariantCulture) - double.Parse(m.ScoreBefore, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(change, points.Sum(), 0.1 * parts.Length + 0.1);
            Assert.Equal(points.OrderByDescending(Math.Abs), points);
            for (var i = 0; i < parts.Length; i++)
            {
                // a figure shown without a note moved the way its points did: up is good for rates people want high
                var shift = Regex.Match(parts[i], @"^(按期办结率|回访满意率|视频抽查违规率|属实投诉) ([\d.]+)%?→([\d.]+)%?( 件)?，");
                if (!shift.Success) continue;
                var up = double.Parse(shift.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) > double.Parse(shift.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                var goodWhenUp = shift.Groups[1].Value is "按期办结率" or "回访满意率";
                Assert.True(up == goodWhenUp == points[i] > 0, $"{m.CenterName}: {parts[i]}");
            }
        }
    }

    [Fact]
    public void No_center_with_open_overdue_cases_shows_perfect_timeliness_and_long_open_cases_stay_out_of_the_months_list()
    {
        var model = Build();
        Assert.All(model.Ranking.Where(r => r["backlog_overdue"] != "0"), r => Assert.NotEqual("100.0%", r["timeliness_rate"]));
        Assert.Contains(model.Ranking, r => r["backlog_overdue"] != "0"); // the check above is not vacuous
        // The backlog each center shows is exactly the open cases the annexes list for it, all judged at the month's end.
        foreach (var r in model.Ranking)
        {
            var listed = model.OverdueByCenter.Where(c => c.CenterName == r.Name).SelectMany(c => c.Cases).Count(c => c.State == "月末未办结")
                         + model.LongOpenByCenter.Where(c => c.CenterName == r.Name).Sum(c => c.Cases.Count);
            Assert.Equal(r["backlog_overdue"], ReportText.Count(listed));
        }
        Assert.All(model.OverdueByCenter.SelectMany(c => c.Cases), c => Assert.True(int.Parse(c.DaysPastDue, System.Globalization.NumberStyles.AllowThousands) <= 90 || c.State != "月末未办结"));
        Assert.NotEqual("0", model.LongOpenCaseCount);
        var problems = BriefingWording.Problems(model);
        Assert.All(model.LongOpenByCenter, c => Assert.Single(problems, p => p.Contains($"{c.CenterName}有 {c.Count} 件办件超过应办结时间 90 天以上仍未办结", StringComparison.Ordinal)));
    }

    [Fact]
    public void County_figures_are_the_sum_of_the_centers_and_quarters_the_sum_of_their_months()
    {
        var w = demo.Warehouse;
        Assert.Equal(0L, w.Scalar<long>("""
            SELECT count(*) FROM (
                SELECT period_kind, period, sum(cases_accepted) AS s, sum(complaints) AS c, sum(video_checks) AS v
                FROM mart_period_center WHERE scope = 'center' GROUP BY ALL) AS centers
            JOIN mart_period_center AS county USING (period_kind, period)
            WHERE county.scope = 'county' AND (centers.s <> county.cases_accepted OR centers.c <> county.complaints OR centers.v <> county.video_checks)
            """));
        Assert.Equal(0L, w.Scalar<long>("""
            SELECT count(*) FROM (
                SELECT center_code, CAST(date_trunc('quarter', period) AS DATE) AS quarter, sum(cases_completed) AS done, sum(callbacks) AS calls
                FROM mart_period_center WHERE scope = 'center' AND period_kind = 'month' GROUP BY ALL) AS months
            JOIN mart_period_center AS q ON q.center_code = months.center_code AND q.period = months.quarter AND q.period_kind = 'quarter'
            WHERE months.done <> q.cases_completed OR months.calls <> q.callbacks
            """));
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM mart_period_center WHERE composite_score NOT BETWEEN 0 AND 100"));
    }
}
