using Oversight.Assessment;
using Oversight.Reports;
using Oversight.Reports.Annual;
using Oversight.Reports.Issuing;

namespace Oversight.Tests.Assessment;

/// <summary>Assessments from the warehouse: evidence, periods, results as data, appeals and the appendix.</summary>
public class AnnualAssessmentTests : IDisposable
{
    private static readonly TemplateFolder Templates = new();
    private static readonly ScoringRules Default = Load("rules.json");
    private static readonly ScoringRules Zhengding = Load("zhengding-center.json");
    private static readonly byte[] Key = new byte[32];
    private readonly TestWarehouse _w = new();

    private static ScoringRules Load(string file) => ScoringRules.Load(Templates.PathOf(Path.Combine("annual", file)));

    public void Dispose() => _w.Dispose();

    private (AnnualAssessmentReport Report, AssessmentResult Result) Build(AssessmentPeriod period, ScoringRules? rules = null, DateTime? at = null) =>
        AnnualAssessmentBuilder.Build(_w.Connection, period, rules ?? Default, ReportSettings.Load(Templates), at ?? new DateTime(2026, 1, 5), Key);

    /// <summary>Issued at an injected time earlier than the real load, so the clock is confirmed.</summary>
    private (AnnualAssessmentReport Report, AssessmentResult Result) Issue(AssessmentPeriod period, ScoringRules? rules = null, DateTime? at = null)
    {
        var issued = AssessmentIssue.Issue(_w.Connection, null, period, rules ?? Default, ReportSettings.Load(Templates), at ?? new DateTime(2026, 1, 5),
            confirmClock: true, Key);
        return (issued.Report, issued.Result);
    }

    private void SmallCounty()
    {
        _w.WriteReferenceFeeds();
        _w.WriteCsv("staff.csv", "staff_id,staff_name,center_code,window_code\nS1,张三,511922001,W001\nS2,李四,511922101,W101\n");
        _w.WriteCsv("cases.csv", """
            case_id,center_code,window_code,staff_id,item_code,case_type,channel,accepted_at,completed_at,status
            A,511922001,W001,S1,I05,承诺件,窗口,2025-03-03 09:00,2025-03-17 10:00,已办结
            B,511922001,W002,,I00,即办件,窗口,2025-03-08 10:00,2025-03-08 10:10,已办结
            C,511922101,W101,S2,I00,即办件,窗口,2025-08-04 10:00,2025-08-04 10:10,已办结
            """);
        _w.WriteCsv("complaints.csv", """
            complaint_id,received_at,source,center_code,staff_id,category,content,verdict
            P1,2025-05-06 09:00,12345热线,511922001,S1,吃拿卡要,<b>索要好处</b>,属实
            P2,2025-05-07 09:00,12345热线,511922101,S2,服务态度,态度差,不属实
            """);
        _w.WriteCsv("assessment_events.csv", """
            event_id,occurred_on,center_code,window_code,staff_id,kind,quantity
            E1,2025-08-05,511922101,W101,S2,锦旗,1
            E2,2025-08-06,511922101,W101,S2,表扬信,1
            E3,2025-08-07,511922101,W101,S2,锦旗,1
            E4,2025-02-10,511922001,W001,S1,离岗30分钟以上,2
            """);
        _w.Ingest();
    }

    [Fact]
    public void The_zhengding_scheme_scores_events_disqualifies_and_caps_additions_from_the_warehouse()
    {
        SmallCounty();
        var (report, result) = Build(AssessmentPeriod.OfYear(2025), Zhengding);
        var jizhou = result.Subjects.Single(s => s.Subject.Key == "511922001");
        var shahe = result.Subjects.Single(s => s.Subject.Key == "511922101");
        // Q1: E4 off post 30+ min, 2 people: −6; A overdue (due 10 Mar, done 17 Mar) disqualifies, no points; a case finished on
        // a Saturday the center is not open earns no extended-hours points (延时服务 is finishing after closing + 20 min). Q2: P1 upheld: disqualified.
        Assert.Equal(100 - 6, jizhou.Quarter(1)!.Score);
        Assert.True(jizhou.Quarter(1)!.Disqualified && jizhou.Quarter(2)!.Disqualified);
        Assert.Contains(jizhou.Quarter(1)!.Lines, l => l is { RecordId: "A", Points: 0, Disqualifies: true });
        // Q3 at 沙河镇: 锦旗 10 + 表扬信 5 + 锦旗 10 = 25, capped at +20.
        Assert.Equal(120, shahe.Quarter(3)!.Score);
        Assert.Contains(new AdditionsCapNote("20", "10"), shahe.Quarter(3)!.Lines.Last().Notes);
        // 沙河镇 is the only center without a veto in Q3, but with one case in the quarter it fails the credibility gate's
        // minimum volume per resident: no 红旗窗口 goes to a center that did almost nothing.
        Assert.Contains(shahe.Quarter(3)!.Standing.Ineligible, r => r is FewPerResidentReason);
        Assert.Empty(report.Honours[2].Names);
        Assert.Null(report.Honours[2].Why.Next);
        Assert.Contains($"**{report.Honours[2].Quarter}{report.Honours[2].Name}**：无：", new Oversight.Reports.TemplateFolder().Render("annual/assessment.md.sbn", report, Oversight.Reports.TextEscaping.Markdown));
        Assert.Contains(report.NotEvidenced, n => n.Contains("考勤机"));
        Assert.Contains(report.Ranking, r => r.Code == "511922001" && r.Disqualified.Contains("取消评优评先资格"));
    }

    [Fact]
    public void Results_are_stored_as_data_on_issue_only_and_the_ranking_matches_the_api_view()
    {
        SmallCounty();
        var (draft, _) = Build(AssessmentPeriod.OfYear(2025), Zhengding);
        Assert.True(draft.IsDraft);
        Assert.Equal(0L, _w.Scalar<long>("SELECT count(*) FROM api.assessment_scores"));
        Assert.Equal(0L, _w.Scalar<long>("SELECT count(*) FROM assessment_publication"));
        var (report, result) = Issue(AssessmentPeriod.OfYear(2025), Zhengding);
        Assert.False(report.IsDraft);
        Assert.Equal(draft.Ranking.Select(r => (r.Code, r.Score, r.Rank)), report.Ranking.Select(r => (r.Code, r.Score, r.Rank)));
        Assert.Matches("^[0-9a-f]{64}$", _w.Scalar<string>("SELECT settings_sha256 FROM assessment_publication"));
        var rows = _w.Query<(int? Quarter, string Center, double Score, string Band, int Rank, bool Dq, string Scheme)>(
            "SELECT quarter, center_code, score, band, rank, disqualified, scheme FROM api.assessment_scores ORDER BY center_code, quarter NULLS LAST");
        Assert.Equal(2 * 4, rows.Count); // the three quarters with data and the year
        var year = rows.Single(r => r.Center == "511922001" && r.Quarter is null);
        Assert.Equal((Math.Round(result.Subjects.Single(s => s.Subject.Key == "511922001").Score, 2), true, "正定县乡镇便民服务中心考核办法"),
            (year.Score, year.Dq, year.Scheme));
        Assert.Equal(report.Ranking.Select(r => r.Score), rows.Where(r => r.Quarter is null).OrderBy(r => r.Rank).Select(r => r.Score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)));
        // Re-issuing replaces the period's rows; it does not add to them.
        Issue(AssessmentPeriod.OfYear(2025), Zhengding);
        Assert.Equal(8L, _w.Scalar<long>("SELECT count(*) FROM api.assessment_scores"));
        Issue(AssessmentPeriod.OfQuarter(2025, 3), Zhengding);
        Assert.Equal(8L, _w.Scalar<long>("SELECT count(*) FROM api.assessment_scores"));
    }

    [Fact]
    public void A_period_without_data_is_refused_in_chinese()
    {
        SmallCounty();
        var error = Assert.Throws<ReportException>(() => Build(AssessmentPeriod.OfYear(2023)));
        Assert.Contains("2023年度没有任何数据", error.Message);
        Assert.Contains("2025年第四季度没有任何数据", Assert.Throws<ReportException>(() => Build(AssessmentPeriod.OfQuarter(2025, 4))).Message);
    }

    [Fact]
    public void A_year_not_yet_over_says_which_quarters_it_covers_and_is_marked_partial()
    {
        _w.WriteReferenceFeeds();
        _w.WriteCsv("cases.csv", "case_id,center_code,window_code,item_code,case_type,accepted_at,completed_at,status\n" +
                                 "A,511922001,W001,I00,即办件,2026-02-03 09:00,2026-02-03 10:00,已办结\n" +
                                 "B,511922001,W001,I00,即办件,2026-11-30 09:00,2026-11-30 10:00,已办结\n");
        _w.Ingest();
        var (report, _) = Build(AssessmentPeriod.OfYear(2026), at: new DateTime(2026, 12, 1, 9, 0, 0));
        // Worded by annual/sentences.sbn, as the documents and the command line print them.
        Assert.Equal("2026 年有数据的 2 个季度：第一季度、第四季度，数据截至 2026-11-30", AssessmentWording.Coverage(Templates, report.Coverage));
        Assert.Equal("阶段性结果：本年度尚未结束（截至 2026-12-31），数据只到 2026-11-30，2026-12-01 至 2026-12-31 没有数据（第二季度、第三季度无数据，未计入）" +
                     "；年度得分为已有季度得分的平均。正式结果以期满后重新生成的为准。", AssessmentWording.PartialNotice(Templates, report.PartialPeriod!));
        var html = File.ReadAllText(ReportWriter.Write(Templates, "annual/assessment", report, Path.Combine(_w.Root, "out"), "a", pdf: false).Html);
        Assert.True(html.IndexOf("id=\"partial\"", StringComparison.Ordinal) < html.IndexOf("一、考核方法", StringComparison.Ordinal), "partial notice on the first page");
    }

    [Fact]
    public void The_publicity_period_is_five_working_days_from_the_report_date_and_printed_with_where_to_apply()
    {
        SmallCounty();
        // Friday 2025-09-26; National Day holiday 1–8 October 2025, Sunday 28 Sep and Saturday 11 Oct worked:
        // 28 Sep, 29 Sep, 30 Sep, 9 Oct, 10 Oct → the fifth working day is 10 October.
        var (draft, _) = Build(AssessmentPeriod.OfQuarter(2025, 3), Zhengding, new DateTime(2025, 9, 20, 15, 0, 0));
        Assert.Equal(("", ""), (draft.AppealNotice.PublishedOn, draft.AppealNotice.Deadline)); // a draft opens no period
        var (report, _) = Issue(AssessmentPeriod.OfQuarter(2025, 3), Zhengding, new DateTime(2025, 9, 26, 15, 0, 0));
        Assert.Equal(("2025-09-26", "2025-10-10"), (report.AppealNotice.PublishedOn, report.AppealNotice.Deadline));
        var md = File.ReadAllText(ReportWriter.Write(Templates, "annual/assessment", report, Path.Combine(_w.Root, "out"), "q", pdf: false).Markdown);
        Assert.Contains("至 **2025-10-10**（含）止", md);
        Assert.Contains("县行政审批局（县政务服务中心）督查考核科", md);
        Assert.Contains("所涉记录编号", md);
    }

    [Fact]
    public void An_appeal_within_the_period_is_recorded_after_it_is_refused_unless_a_late_approval_is_named()
    {
        SmallCounty();
        Issue(AssessmentPeriod.OfQuarter(2025, 3), Zhengding, new DateTime(2025, 9, 26, 15, 0, 0)); // deadline 2025-10-10
        var late = Assert.Throws<AssessmentException>(() =>
            Appeals.Add(_w.Connection, "考核记录", "E1", null, "锦旗系他人所赠", "县行政审批局 王五", new DateOnly(2025, 10, 13)));
        Assert.Contains("已超过公示期", late.Message);
        Assert.Contains("须在 2025-10-10（含）前提出", late.Message);
        var ok = Appeals.Add(_w.Connection, "考核记录", "E1", null, "锦旗系他人所赠", "县行政审批局 王五", new DateOnly(2025, 10, 10));
        var approved = Appeals.Add(_w.Connection, "考核记录", "E2", null, "表扬信重复登记", "王五", new DateOnly(2025, 10, 20),
            lateApprovedBy: "县行政审批局局长 赵六");
        Assert.True(approved > ok);

        var (report, result) = Issue(AssessmentPeriod.OfQuarter(2025, 3), Zhengding, new DateTime(2025, 10, 21));
        Assert.Equal("2025-10-10", report.AppealNotice.Deadline); // re-issuing does not reopen the period
        var shahe = result.Subjects.Single(s => s.Subject.Key == "511922101");
        Assert.Equal(110, shahe.Quarter(3)!.Score); // only the second 锦旗 counts now
        var lines = report.Appendix.Single(a => a.Code == "511922101").Quarters.Single().Lines;
        Assert.Equal($"第 {ok} 号复核：撤销", lines.Single(l => l.RecordId == "E1").Appeal);
        Assert.Contains(report.Appeals, a => a.RecordId == "E2" && a.Filed.Contains("逾期，经 县行政审批局局长 赵六 批准受理"));

        // A review that keeps the record is recorded too, and the line keeps its points.
        var kept = Appeals.Add(_w.Connection, "考核记录", "E3", null, "锦旗属实", "王五", new DateOnly(2025, 10, 9), keep: true);
        var (again, rescored) = Build(AssessmentPeriod.OfQuarter(2025, 3), Zhengding, new DateTime(2025, 10, 21));
        Assert.Equal(110, rescored.Subjects.Single(s => s.Subject.Key == "511922101").Quarter(3)!.Score);
        Assert.Equal($"第 {kept} 号复核：维持原结论", again.Appendix.Single(a => a.Code == "511922101").Quarters.Single().Lines.Single(l => l.RecordId == "E3").Appeal);
    }

    [Fact]
    public void Re_rendering_after_an_appeal_changes_only_the_center_it_concerns()
    {
        HandMadeCounty.Write(_w, [
            new CenterSpec("130123001", "甲镇", 400, OverdueShare: 0.06), new CenterSpec("130123002", "乙镇", 300),
            new CenterSpec("130123003", "丙镇", 500, BadShare: 0.08)], quarters: 1);
        _w.Ingest();
        var before = Build(AssessmentPeriod.OfQuarter(2025, 1)).Result.Subjects.ToDictionary(s => s.Subject.Key, s => s.Score);
        var overdue = _w.Scalar<string>("SELECT min(record_id) FROM mart_assessment_evidence WHERE source = '办件' AND center_code = '130123001'");
        Appeals.Add(_w.Connection, "办件", overdue, null, "系统故障导致超期", "县政务服务管理局 王五", new DateOnly(2025, 4, 1));
        var after = Build(AssessmentPeriod.OfQuarter(2025, 1)).Result.Subjects.ToDictionary(s => s.Subject.Key, s => s.Score);
        Assert.True(after["130123001"] > before["130123001"]);
        Assert.Equal(before["130123002"], after["130123002"]);
        Assert.Equal(before["130123003"], after["130123003"]);
    }

    [Fact]
    public void A_staff_member_who_moved_is_scored_where_the_records_place_them_and_stored_for_bi_tools()
    {
        SmallCounty();
        // S1 is on the roster at 集州街道 W001, but in Q3 their cases and assessment events are at 沙河镇 W101.
        _w.WriteCsv("cases_q3.csv", """
            case_id,center_code,window_code,staff_id,item_code,case_type,accepted_at,completed_at,status
            M1,511922101,W101,S1,I05,承诺件,2025-07-01 09:00,2025-07-21 10:00,已办结
            M2,511922101,W101,S1,I00,即办件,2025-07-02 09:00,2025-07-02 09:10,已办结
            """);
        _w.WriteCsv("assessment_events_q3.csv", "event_id,occurred_on,center_code,window_code,staff_id,kind\nE9,2025-07-03,511922101,W101,S1,迟到早退\n");
        _w.Ingest();
        var staffRules = Load("staff-rules.json");
        var (report, result) = Issue(AssessmentPeriod.OfQuarter(2025, 3), staffRules);
        var s1 = result.Subjects.Single(s => s.Subject.Key == "S1");
        Assert.Equal(("511922101", "W101"), (s1.Subject.CenterCode, s1.Subject.WindowCode));
        // M1: due 8 July (5 working days after 1 July), done 21 July: 9 working days late — one overdue case of two, scored
        // as rates over S1's own cases (shrunk towards the county's by 30 cases); E9 late/early −1 per record.
        Assert.Contains(s1.Lines, l => l is { RuleId: "overdue_share", Points: < 0 } && l.Notes.OfType<RateNote>().Single() is { Label: "办件超期率", Numerator: "1", Volume: "2" });
        Assert.Contains(s1.Lines, l => l is { RuleId: "overdue_days", Points: < 0 });
        Assert.Contains(s1.Lines, l => l is { RecordId: "E9", Points: -1 });
        Assert.Contains(s1.Standing.Ineligible, r => r is SmallSampleReason);
        Assert.Equal(("511922101", "W101", Math.Round(s1.Score, 2)), _w.Query<(string, string, double)>(
            "SELECT center_code, window_code, score FROM api.staff_assessment_scores WHERE staff_id = 'S1' AND quarter = 3").Single());
        Assert.Contains(report.Appendix, a => a.Code == "S1" && a.Township == "沙河镇");
    }

    [Fact]
    public void The_rendered_assessment_escapes_citizen_text_and_names_the_township_on_every_appendix_table()
    {
        SmallCounty();
        var (report, _) = Build(AssessmentPeriod.OfYear(2025), Zhengding);
        var html = File.ReadAllText(ReportWriter.Write(Templates, "annual/assessment", report, Path.Combine(_w.Root, "out"), "a", pdf: false).Html);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<tr data-center=").Count);
        Assert.DoesNotContain("<b>索要好处</b>", html);
        // The township heads each appendix table in a repeated header row (printed again on continuation pages).
        Assert.Matches("<thead>\\s*<tr class=\"township\"><th colspan=\"8\">集州街道", html);
        Assert.Contains("红旗窗口", html);
    }
}
