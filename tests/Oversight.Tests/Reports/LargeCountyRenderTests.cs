using System.Text.RegularExpressions;
using Dapper;
using Oversight.Reports;
using Oversight.Reports.Monthly;

namespace Oversight.Tests.Reports;

/// <summary>Nothing cut: a county with 20,000 listed overdue cases renders whole (Scriban's default 1 MB output limit
/// used to cut the briefing silently); the document lists a bounded number per center and says how many more the
/// XLSX holds, the XLSX holds every case.</summary>
public class LargeCountyRenderTests
{
    [Fact]
    public void Twenty_thousand_overdue_cases_render_completely_bounded_in_the_document_and_all_in_the_xlsx()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases.csv", "case_id,center_code,window_code,item_code,case_type,accepted_at,completed_at,status\n" +
                                "A,511922101,W101,I00,即办件,2026-10-14 10:00,2026-10-14 10:10,已办结\n");
        w.Ingest();
        // Inserted directly (fast): due 5 working days after 5 October's holiday week, completed late on the 28th.
        w.Connection.Execute("""
            INSERT INTO fct_case (case_id, center_code, window_code, item_code, case_type, channel, accepted_at, completed_at, status, recorded_at, file_id)
            SELECT 'X' || lpad(CAST(i AS VARCHAR), 5, '0'), '511922001', 'W001', 'I05', '承诺件', '窗口', TIMESTAMP '2026-10-09 09:00',
                   TIMESTAMP '2026-10-28 10:00', '已办结', TIMESTAMP '2026-10-09 09:00', 1
            FROM range(20000) AS t(i)
            """);
        var briefing = MonthlyBriefingBuilder.Build(w.Connection, Oversight.Calendar.Month.Of(2026, 10), ReportSettings.Load(new TemplateFolder()), DateTime.Now);
        Assert.Equal("20,000", briefing.OverdueCaseCount);
        var files = MonthlyReport.Write(new TemplateFolder(), briefing, Path.Combine(w.Root, "out"), "big", pdf: false);

        var html = File.ReadAllText(files.Report.Html);
        var md = File.ReadAllText(files.Report.Markdown);
        Assert.EndsWith("</html>", html.TrimEnd());
        Assert.Contains("工作日按国务院办公厅公布的节假日安排计算", md[^400..]); // the last annex's last lines are there
        Assert.DoesNotMatch(@"\.\.\.\s*$", md);
        Assert.Equal(MonthlyBriefingBuilder.ListedPerCenter, Regex.Matches(html, "<td>X\\d{5}</td>").Count);
        Assert.Contains($"另有 {20000 - MonthlyBriefingBuilder.ListedPerCenter:N0} 件未在此列出，完整清单见附件明细表“big.xlsx”", html);
        Assert.Contains($"另有 {20000 - MonthlyBriefingBuilder.ListedPerCenter:N0} 件未在此列出", md);
        var sheet = BriefingPrint.Workbook(files.Xlsx)["超期办件"];
        Assert.Equal(20000, sheet.Skip(1).Count(r => r.Any(c => c is string s && s.StartsWith('X'))));
    }

    [Fact]
    public void Reaching_the_output_limit_is_an_error_in_chinese_never_a_cut()
    {
        var ex = new Scriban.Syntax.ScriptRuntimeException(default, "Rendered output exceeds OutputLimit `10`");
        Assert.Contains("程序不会截断报告", ScriptModel.LimitMessage(ex));
        var context = new Scriban.TemplateContext();
        ScriptModel.ApplyLimits(context);
        Assert.Equal((ScriptModel.OutputLimit, Scriban.ScriptLimitBehavior.Throw, Scriban.ScriptLimitBehavior.Throw),
            (context.OutputLimit!.Value, context.OnOutputLimit, context.OnStringLimit));
        // The real engine with a small limit throws rather than truncating: the behaviour the limits rely on.
        var small = new Scriban.TemplateContext { OutputLimit = 100, OnOutputLimit = Scriban.ScriptLimitBehavior.Throw };
        Assert.Throws<Scriban.Syntax.ScriptRuntimeException>(() => Scriban.Template.Parse("{{ for i in 1..1000 }}xxxxxxxxxx{{ end }}").Render(small));
    }
}
