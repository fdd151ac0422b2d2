using Dapper;
using System.Text.RegularExpressions;

namespace Oversight.Tests.Cli;

/// <summary>Drafts take nothing, issuing takes the 文号 and starts the 公示期, through the real CLI in a child process.</summary>
public class IssuingCliTests
{
    private static TestWarehouse County()
    {
        var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases.csv", """
            case_id,center_code,window_code,item_code,case_type,accepted_at,completed_at,status
            A,511922001,W001,I05,承诺件,2026-10-06 09:00,2026-10-09 10:00,已办结
            B,511922101,W101,I00,即办件,2026-10-14 10:00,2026-10-14 10:10,已办结
            C,511922101,W101,I00,即办件,2026-09-14 10:00,2026-09-14 10:10,已办结
            """);
        w.Ingest();
        w.Close();
        return w;
    }

    private static CliProcess.Result Cli(TestWarehouse w, params string[] args) =>
        CliProcess.Run([.. args, "--db", w.DbPath, "--out", Path.Combine(w.Root, "out"), "--no-pdf"], w.Root);

    private static string Out(TestWarehouse w, string file) => File.ReadAllText(Path.Combine(w.Root, "out", file));

    [Fact]
    public void Render_twice_issue_once_render_again_uses_one_number_and_the_publicity_period_starts_at_the_issue()
    {
        using var w = County();
        for (var i = 0; i < 2; i++)
        {
            var draft = Cli(w, "report", "monthly", "--month", "2026-10");
            Assert.True(draft.ExitCode == 0, draft.StdOut + draft.StdErr);
            Assert.Contains("征求意见稿", draft.StdOut);
            Assert.DoesNotContain("〔", Out(w, "月度通报_2026-10_草稿.html"));
            Assert.Contains("征求意见稿", Out(w, "月度通报_2026-10_草稿.md"));
        }
        var annual = Cli(w, "report", "annual", "--quarter", "2026Q4");
        Assert.True(annual.ExitCode == 0, annual.StdOut + annual.StdErr);
        Assert.False(File.Exists(Path.Combine(w.Root, "out", "月度通报_2026-10.html")));
        var noDate = Cli(w, "report", "monthly", "--month", "2026-10", "--doc-number", "南政务监〔2026〕9号");
        Assert.Equal(1, noDate.ExitCode);
        Assert.Contains("请同时加 --issue", noDate.StdErr);

        var issued = Cli(w, "report", "monthly", "--month", "2026-10", "--issue");
        Assert.True(issued.ExitCode == 0, issued.StdOut + issued.StdErr);
        Assert.Contains("文号：南政务监〔2026〕1号", issued.StdOut);
        Assert.Contains("南政务监〔2026〕1号", Out(w, "月度通报_2026-10.html"));
        Assert.DoesNotContain("征求意见稿", Out(w, "月度通报_2026-10.md"));
        Assert.True(Cli(w, "report", "monthly", "--month", "2026-10").ExitCode == 0);
        var again = Cli(w, "report", "monthly", "--month", "2026-10", "--issue");
        Assert.Contains("文号：南政务监〔2026〕1号", again.StdOut); // re-issuing keeps its number

        var annualIssued = Cli(w, "report", "annual", "--quarter", "2026Q4", "--issue");
        Assert.True(annualIssued.ExitCode == 0, annualIssued.StdOut + annualIssued.StdErr);
        Assert.Contains($"公示期自 {DateTime.Now:yyyy-MM-dd} 起", annualIssued.StdOut);
        var files = Directory.GetFiles(Path.Combine(w.Root, "out"), "乡镇长考核_2026年第四季度_*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["乡镇长考核_2026年第四季度_乡镇长考核（默认方案）.md", "乡镇长考核_2026年第四季度_乡镇长考核（默认方案）_草稿.md"], files);
        // Another scheme for the same quarter writes its own files.
        var other = Cli(w, "report", "annual", "--quarter", "2026Q4", "--rules", Path.Combine(AppContext.BaseDirectory, "report-templates", "annual", "zhengding-center.json"));
        Assert.True(other.ExitCode == 0, other.StdOut + other.StdErr);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(w.Root, "out"), "乡镇长考核_2026年第四季度_*.md").Length);

        w.Reopen();
        Assert.Equal(1L, w.Scalar<long>("SELECT count(*) FROM briefing_number"));
        Assert.Equal(1L, w.Scalar<long>("SELECT count(*) FROM assessment_publication"));
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now), w.Scalar<DateOnly>("SELECT published_on FROM assessment_publication"));
        Assert.Matches("^[0-9a-f]{64}$", w.Scalar<string>("SELECT settings_sha256 FROM briefing_number WHERE period = DATE '2026-10-01'"));
        Assert.Contains("composite_weight_timeliness", w.Scalar<string>("SELECT settings_json FROM briefing_number WHERE period = DATE '2026-10-01'"));
    }

    [Fact]
    public void A_document_number_already_used_is_refused_and_the_sequence_runs_on_after_one_given_by_hand()
    {
        using var w = County();
        var given = Cli(w, "report", "monthly", "--month", "2026-09", "--issue", "--doc-number", "南政务监〔2026〕7号");
        Assert.True(given.ExitCode == 0, given.StdOut + given.StdErr);
        var repeat = Cli(w, "report", "monthly", "--month", "2026-10", "--issue", "--doc-number", "南政务监〔２０２６〕７号");
        Assert.Equal(1, repeat.ExitCode);
        Assert.Contains("已用于 2026 年 9 月的月度通报，不能重复使用", repeat.StdErr);
        Assert.False(File.Exists(Path.Combine(w.Root, "out", "月度通报_2026-10.html")));
        var next = Cli(w, "report", "monthly", "--month", "2026-10", "--issue");
        Assert.Contains("文号：南政务监〔2026〕8号", next.StdOut);
    }

    [Fact]
    public void A_clock_earlier_than_the_last_run_issues_nothing_until_confirmed()
    {
        using var w = County();
        w.Reopen();
        // What a CMOS reset looks like from here: the warehouse's last run is later than the clock.
        var later = DateTime.Now.AddDays(40);
        w.Connection.Execute($"UPDATE load_run SET started_at = TIMESTAMP '{later:yyyy-MM-dd HH:mm:ss}'");
        w.Close();

        var draft = Cli(w, "report", "monthly", "--month", "2026-10");
        Assert.True(draft.ExitCode == 0, draft.StdOut + draft.StdErr);
        Assert.Contains("早于上一次导入的时间", draft.StdOut);
        var refused = Cli(w, "report", "monthly", "--month", "2026-10", "--issue");
        Assert.Equal(1, refused.ExitCode);
        Assert.Matches(new Regex($"服务器时钟（{DateTime.Now:yyyy-MM-dd}.*早于上一次导入的时间（{later:yyyy-MM-dd}"), refused.StdErr);
        Assert.Contains("--confirm-clock", refused.StdErr);
        var annual = Cli(w, "report", "annual", "--quarter", "2026Q4", "--issue");
        Assert.Equal(1, annual.ExitCode);
        w.Reopen();
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM briefing_number"));
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM assessment_publication"));
        w.Close();

        var confirmed = Cli(w, "report", "monthly", "--month", "2026-10", "--issue", "--confirm-clock");
        Assert.True(confirmed.ExitCode == 0, confirmed.StdOut + confirmed.StdErr);
        Assert.Contains("文号：南政务监〔2026〕1号", confirmed.StdOut);
    }

    [Fact]
    public void Per_center_writes_each_township_its_own_figures_beside_the_countys_cases_and_complaints()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases.csv", """
            case_id,center_code,window_code,item_code,case_type,accepted_at,completed_at,status
            LATE1,511922001,W001,I05,承诺件,2026-10-12 09:00,2026-10-30 10:00,已办结
            A,511922001,W001,I05,承诺件,2026-10-13 09:00,2026-10-14 10:00,已办结
            B,511922101,W101,I00,即办件,2026-10-14 10:00,2026-10-14 10:10,已办结
            """);
        w.WriteCsv("complaints.csv", """
            complaint_id,received_at,source,center_code,window_code,category,content,verdict
            P1,2026-10-15 09:00,12345热线,511922101,W101,服务态度,窗口人员态度生硬,属实
            """);
        w.Ingest();
        w.Close();
        var run = Cli(w, "report", "monthly", "--month", "2026-10", "--per-center");
        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        Assert.Contains("乡镇分送件：2 个乡镇（街道", run.StdOut);
        var dir = Path.Combine(w.Root, "out", "乡镇分送_2026-10_草稿");
        var jizhou = File.ReadAllText(Path.Combine(dir, "乡镇分送_集州街道_2026-10_草稿.md"));
        var shahe = File.ReadAllText(Path.Combine(dir, "乡镇分送_沙河镇_2026-10_草稿.md"));
        Assert.True(File.Exists(Path.Combine(dir, "乡镇分送_沙河镇_2026-10_草稿.html")));
        Assert.Contains("| 受理办件（件） | 2 | 3 |", jizhou);
        Assert.Contains("| 受理办件（件） | 1 | 3 |", shahe);
        Assert.Contains("LATE1", jizhou);
        Assert.DoesNotContain("LATE1", shahe);
        Assert.Contains("P1", shahe);
        Assert.DoesNotContain("P1 ", jizhou);
        Assert.Contains("征求意见稿", shahe);

        // Each pack is a Word document too, in GB/T 9704 form, with the township's own cases only.
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(Path.Combine(dir, "乡镇分送_集州街道_2026-10_草稿.docx"), false);
        Oversight.Tests.Reports.GbtChecks.Page(doc);
        var text = string.Join("\n", Oversight.Tests.Reports.OfficeDocuments.Body(doc)
            .Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(Oversight.Tests.Reports.OfficeDocuments.Text));
        Assert.Contains("集州街道便民服务中心", text);
        Assert.Contains("一、主要指标（与全县对照）", text);
        Assert.Matches(@"三、超期办件（\d+ 件", text);
        Assert.Contains("LATE1", text);
        Assert.Contains("（征求意见稿）", text);
        Assert.Contains("年　　月　　日", text); // the draft leaves the 成文日期 blank
    }
}
