using Oversight.Reports;
using Oversight.Reports.Monthly;

namespace Oversight.Tests.Reports;

/// <summary>The monthly briefing on a tiny county: escaping, template mistakes, overrides, missing data.</summary>
public class MonthlyBriefingTests : IDisposable
{
    private const string Hostile = "<script>alert('x')</script> 工作人员说{{ 6 * 7 }}，| 表格 |";
    private static readonly DateOnly March = new(2026, 3, 1);
    private readonly TestWarehouse _w = new();

    public MonthlyBriefingTests()
    {
        _w.WriteReferenceFeeds();
        _w.WriteCsv("cases.csv", """
            case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status
            A,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,2026-03-05 10:00,已办结
            B,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,2026-03-12 10:00,已办结
            D,511922101,W101,I03,承诺件,窗口,2026-03-16 09:00,2026-03-18 10:00,已办结
            """);
        _w.WriteCsv("complaints.csv", $"""
            complaint_id,received_at,source,center_code,window_code,category,content,verdict
            P1,2026-03-02 09:00,12345热线,511922001,W001,服务态度,"{Hostile.Replace("\"", "\"\"")}",属实
            """);
        _w.Ingest();
    }

    public void Dispose() => _w.Dispose();

    private MonthlyBriefing Build(TemplateFolder? templates = null) =>
        MonthlyBriefingBuilder.Build(_w.Connection, Oversight.Calendar.Month.Of(March), ReportSettings.Load(templates ?? new TemplateFolder()), new DateTime(2026, 4, 1, 8, 0, 0));

    private string CopyTemplates()
    {
        var copy = Path.Combine(_w.Root, "templates");
        foreach (var file in Directory.GetFiles(new TemplateFolder().Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(new TemplateFolder().Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    [Fact]
    public void Complaint_text_with_markup_and_template_braces_shows_as_text_in_html_and_markdown()
    {
        var files = ReportWriter.Write(new TemplateFolder(), "monthly/briefing", Build(), Path.Combine(_w.Root, "out"), "b", pdf: false);
        var html = File.ReadAllText(files.Html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>")); // the template's own print layout script only
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("{{ 6 * 7 }}", html); // data is never parsed as a template
        Assert.DoesNotContain("说42", html);

        var markdown = File.ReadAllText(files.Markdown);
        Assert.DoesNotContain("<script>", markdown);
        Assert.Contains("&lt;script&gt;", markdown);
        Assert.Contains(@"\| 表格 \|", markdown); // a pipe in the text cannot break the table row
    }

    [Fact]
    public void The_briefing_ranks_every_center_and_lists_the_upheld_complaint_and_the_late_case()
    {
        var model = Build();
        Assert.Equal(["511922101", "511922001"], model.Ranking.Select(r => r.Code));
        Assert.Equal("P1", Assert.Single(Assert.Single(model.UpheldByCenter).Complaints).ComplaintId);
        var late = Assert.Single(Assert.Single(model.OverdueByCenter).Cases);
        Assert.Equal(("B", "3"), (late.CaseId, late.WorkingDays)); // due 9 March, done 12 March
        Assert.Equal("南江县", model.CountyName); // named in the templates' settings.json by county code 511922
    }

    [Fact]
    public void A_mistake_in_an_edited_template_is_reported_with_its_file_and_line()
    {
        var copy = CopyTemplates();
        var path = Path.Combine(copy, "monthly", "briefing.html.sbn");
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(4, "<p>{{ month_label + }}</p>");
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<ReportException>(() =>
            ReportWriter.Write(new TemplateFolder(copy), "monthly/briefing", Build(), Path.Combine(_w.Root, "out"), "b", pdf: false));
        Assert.Contains(Path.Combine("monthly", "briefing.html.sbn"), error.Message);
        Assert.Contains("第 5 行", error.Message);
        Assert.False(File.Exists(Path.Combine(_w.Root, "out", "b.md"))); // nothing half-written
    }

    [Fact]
    public void A_misspelt_field_in_a_template_is_an_error_not_a_silent_blank()
    {
        var copy = CopyTemplates();
        File.AppendAllText(Path.Combine(copy, "monthly", "briefing.md.sbn"), "\n{{ month_lable }}\n");
        var error = Assert.Throws<ReportException>(() =>
            ReportWriter.Write(new TemplateFolder(copy), "monthly/briefing", Build(), Path.Combine(_w.Root, "out"), "b", pdf: false));
        Assert.Contains("briefing.md.sbn", error.Message);
        Assert.Contains("month_lable", error.Message);
    }

    [Fact]
    public void A_county_can_change_the_wording_by_editing_a_copy_of_the_templates()
    {
        var copy = CopyTemplates();
        var path = Path.Combine(copy, "monthly", "briefing.html.sbn");
        File.WriteAllText(path, File.ReadAllText(path).Replace("一、基本情况", "一、本月总体运行情况"));
        _w.Close();
        var result = CliProcess.Run(["report", "monthly", "--month", "2026-03", "--db", _w.DbPath, "--out", Path.Combine(_w.Root, "cli"),
            "--templates", copy, "--no-pdf"], environment: new Dictionary<string, string>());
        _w.Reopen();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("一、本月总体运行情况", File.ReadAllText(Path.Combine(_w.Root, "cli", "月度通报_2026-03_草稿.html")));
    }

    [Fact]
    public void Without_chromium_the_html_and_markdown_are_written_and_the_missing_pdf_is_explained()
    {
        _w.Close();
        var result = CliProcess.Run(["report", "monthly", "--month", "2026-03", "--db", _w.DbPath, "--out", Path.Combine(_w.Root, "cli")],
            environment: new Dictionary<string, string> { ["OVERSIGHT_CHROMIUM"] = "/nonexistent/chromium" });
        _w.Reopen();
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("未找到 Chromium", result.StdOut);
        Assert.True(File.Exists(Path.Combine(_w.Root, "cli", "月度通报_2026-03_草稿.html")));
        Assert.False(File.Exists(Path.Combine(_w.Root, "cli", "月度通报_2026-03_草稿.pdf")));
    }

    [Fact]
    public void A_month_without_data_is_refused_with_a_plain_message()
    {
        var error = Assert.Throws<ReportException>(() =>
            MonthlyBriefingBuilder.Build(_w.Connection, Oversight.Calendar.Month.Of(2025, 1), ReportSettings.Load(new TemplateFolder()), DateTime.Now));
        Assert.Contains("2025年1月没有任何办件或投诉数据", error.Message);
    }

    [Fact]
    public void Templates_may_loop_over_a_province_of_centers()
    {
        var dir = Path.Combine(_w.Root, "loop");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "t.sbn"), "{{ for c in centers }}{{ c }},{{ end }}");
        var text = new TemplateFolder(dir).Render("t.sbn", new { Centers = Enumerable.Range(0, 5000).ToList() }, s => s);
        Assert.Equal(5000, text.Split(',', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
