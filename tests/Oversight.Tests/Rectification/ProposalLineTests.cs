using System.Globalization;
using System.Text;
using Dapper;
using Oversight.Rectification;
using Oversight.Reports;
using Oversight.Reports.Monthly;

namespace Oversight.Tests.Rectification;

/// <summary>Every problem line of the 通报 proposes a 整改 item, including a back-fill burst (集中补录) and 差评 not
/// rectified in time, and the data check closes those two as the issue says: the back-fill share back at the county's,
/// the listed 差评 rectified.</summary>
public class ProposalLineTests : IDisposable
{
    private readonly TestWarehouse _w = new();
    private const string Big = "433130101", Backfills = "433130102", BadRatings = "433130103", Empty = "433130104";
    private static readonly DateOnly October = new(2026, 10, 1), November = new(2026, 11, 1);

    public ProposalLineTests()
    {
        _w.WriteCsv("centers.csv", $"""
            center_code,center_name,county_code,kind,population,head_name
            {Big},民安街道,433130,街道,60000,张三
            {Backfills},石牌镇,433130,镇,8000,李四
            {BadRatings},茨岩塘镇,433130,镇,20000,王五
            {Empty},洛塔乡,433130,乡,5000,赵六
            """);
        _w.WriteCsv("windows.csv", $"""
            window_code,center_code,window_name,category
            W1,{Big},综合窗口,综合
            W2,{Backfills},综合窗口,综合
            W3,{BadRatings},综合窗口,综合
            W4,{Empty},综合窗口,综合
            """);
        _w.WriteCsv("items.csv", "item_code,item_name,item_kind,promised_days\nI05,低保申请,行政给付,5\n");
        _w.WriteCsv("cases.csv", Cases());
        // 茨岩塘镇: two 差评 on 9 October fall due on 30 October (15 working days); one is rectified in November, one never.
        _w.WriteCsv("callbacks.csv", $"""
            callback_id,case_id,method,called_at,reached,rating,rectified_at,phone
            K1,{BadRatings}-10-0,好差评,2026-10-09 10:00,是,不满意,2026-11-10 10:00,13900000001
            K2,{BadRatings}-10-1,好差评,2026-10-09 11:00,是,非常不满意,,13900000002
            K3,{Big}-10-0,电话回访,2026-10-09 10:00,是,满意,,13900000003
            """);
        // 洛塔乡's hall is empty on both October checks; 民安街道 has one violation.
        _w.WriteCsv("video_checks.csv", $"""
            check_id,checked_at,center_code,window_code,finding
            V1,2026-10-13 10:00,{Empty},,大厅无人
            V2,2026-10-20 10:00,{Empty},,大厅无人
            V3,2026-10-14 10:00,{Big},W1,玩手机
            V4,2026-10-15 10:00,{Big},W1,正常
            """);
        _w.Ingest();
    }

    public void Dispose() => _w.Dispose();

    /// <summary>October and November cases, all on time. 石牌镇 types 12 of its 20 October cases in three days after
    /// accepting them (a burst), and November's promptly.</summary>
    private static string Cases()
    {
        var s = new StringBuilder("case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status,recorded_at\n");
        foreach (var month in new[] { 10, 11 })
            foreach (var (center, window, n) in new[] { (Big, "W1", 200), (Backfills, "W2", 20), (BadRatings, "W3", 20), (Empty, "W4", 5) })
                for (var i = 0; i < n; i++)
                {
                    var day = 12 + i % 8;
                    var late = center == Backfills && month == 10 && i < 12;
                    s.Append(CultureInfo.InvariantCulture,
                        $"{center}-{month}-{i},{center},{window},I05,承诺件,窗口,2026-{month}-{day} 09:00,2026-{month}-{day} 15:00,已办结," +
                        $"2026-{month}-{(late ? day + 3 : day)} {(late ? "16:00" : "09:05")}\n");
                }
        return s.ToString();
    }

    [Fact]
    public void Each_problem_line_of_the_tong_bao_proposes_an_item_and_back_fill_and_bad_ratings_close_on_their_data()
    {
        var briefing = MonthlyBriefingBuilder.Build(_w.Connection, Oversight.Calendar.Month.Of(October), ReportSettings.Load(new TemplateFolder()), new DateTime(2026, 11, 3, 8, 0, 0));
        var named = MonthlyBriefingBuilder.NamedProblems(_w.Connection, October);
        // One proposal per numbered line: every sentence the 通报 prints is behind some named problem.
        var templates = new TemplateFolder();
        string Sentence(NamedProblem n) => MonthlyWording.Sentence(templates, n.Line);
        var printed = BriefingWording.Problems(briefing);
        Assert.Equal(printed.Count, named.Select(Sentence).Distinct().Count());
        Assert.All(printed, line => Assert.Contains(named, n => line.EndsWith(Sentence(n), StringComparison.Ordinal)));

        var backfill = Assert.Single(named, n => n.Kind == NamedProblem.Backfill);
        Assert.Equal(Backfills, backfill.CenterCode);
        Assert.Contains("其中 12 件在受理 48 小时后才录入，补录率 60.0%", Sentence(backfill));
        var bad = Assert.Single(named, n => n.Kind == NamedProblem.BadRating);
        Assert.Equal(BadRatings, bad.CenterCode);
        Assert.Equal(["K1", "K2"], bad.RecordIds);
        Assert.Contains("当月到期应整改差评 2 条，其中 2 条未在 15 个工作日内整改", Sentence(bad));
        Assert.Contains(named, n => n.Kind == NamedProblem.EmptyHall && n.CenterCode == Empty);
        Assert.Contains(named, n => n.Kind == NamedProblem.Video && n.CenterCode == Big);

        // Issued: the lines become proposals; confirmed and reported on, November's data decides.
        RectificationProposals.FromBriefing(_w.Connection, October, "石政通〔2026〕10号", named, new DateOnly(2026, 11, 3), templates);
        var proposals = RectificationLedger.All(_w.Connection);
        Assert.Equal(named.Count, proposals.Count);
        var items = new[] { NamedProblem.Backfill, NamedProblem.BadRating }.Select(kind =>
        {
            var item = RectificationLedger.Confirm(_w.Connection, proposals.Single(p => p.Kind == kind).ItemId.ToString(CultureInfo.InvariantCulture),
                "督查股", new DateOnly(2026, 11, 3), null);
            RectificationLedger.Update(_w.Connection, item.DocNumber!, "乡镇", RectificationStatus.ReviewRequested, "逐件核查并整改", null, null, null,
                new DateOnly(2026, 11, 20));
            return RectificationLedger.Find(_w.Connection, item.DocNumber!);
        }).ToList();

        // 石牌镇 typed November's cases at once: back to the county's share, so the item closes on the data.
        var closed = RectificationLedger.Close(_w.Connection, items[0].DocNumber!, "复核组", new DateOnly(2026, 12, 2), null);
        Assert.Equal((DataVerdict.Improved, (DateOnly?)November), (closed.Verdict, closed.Month));
        // K2 is still not rectified at November's end: no silent 销号.
        var refused = Assert.Throws<RectificationException>(() =>
            RectificationLedger.Close(_w.Connection, items[1].DocNumber!, "复核组", new DateOnly(2026, 12, 2), null));
        Assert.Contains("数据未见改善：2026年11月数据显示问题仍然存在（所列差评仍未整改或又有差评逾期未整改）", refused.Message);
    }
}
