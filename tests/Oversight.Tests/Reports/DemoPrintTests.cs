using System.Text.RegularExpressions;
using Oversight.Assessment;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Tests.Demo;

namespace Oversight.Tests.Reports;

/// <summary>The shared print path (print.css, Chromium) on the demo's largest report, the annual assessment.</summary>
public class DemoPrintTests(DemoCountyFixture demo) : IClassFixture<DemoCountyFixture>
{
    [Fact]
    public void The_demo_assessment_prints_under_2_mb_with_searchable_truetype_text_and_a_page_number_on_every_page()
    {
        var browser = ChromiumPdf.FindBrowser();
        Assert.True(browser is not null, "需要 Chromium：运行 .ci/install-deps 安装 chromium 和中文字体");
        var (report, _) = DemoCountyFixture.Assessment("rules.json", AssessmentPeriod.OfYear(2025));
        var files = ReportWriter.Write(new TemplateFolder(), "annual/assessment", report, Path.Combine(demo.Warehouse.Root, "annual-print"), "a", pdf: true);

        var size = new FileInfo(files.Pdf!).Length;
        Assert.True(size < 2_000_000, $"assessment PDF {size:N0} bytes");
        var pages = BriefingPrint.PdfPages(files.Pdf!);
        Assert.True(pages.Count > 20, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++) Assert.Matches($@"(?m)^\s*— {i + 1} —\s*$", pages[i]);
        Assert.Contains("考核", pages[0]);

        // Fonts: TrueType CID subsets, no Type 3 glyph pictures (which are neither small nor reliably searchable).
        var fonts = BriefingPrint.Fonts(files.Pdf!);
        Assert.Contains("CID TrueType", fonts);
        Assert.DoesNotMatch(new Regex("Type 3"), fonts);
    }
}
