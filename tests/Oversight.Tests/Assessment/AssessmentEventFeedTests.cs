using System.Text;
using Oversight.Ingest;

namespace Oversight.Tests.Assessment;

/// <summary>The assessment_events feed (考核记录) loads like every fact feed: either header language, rejects with
/// file, row and column, upsert by id, kinds from the county's list.</summary>
public class AssessmentEventFeedTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public AssessmentEventFeedTests()
    {
        _w.WriteReferenceFeeds();
        _w.WriteCsv("staff.csv", """
            staff_id,staff_name,center_code,window_code
            S1,张三,511922001,W001
            """);
        _w.Ingest();
    }

    public void Dispose() => _w.Dispose();

    [Fact]
    public void Chinese_headers_in_gb18030_load_with_the_quantity_defaulting_to_one()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _w.WriteCsv("考核记录_202510.csv", "记录编号,发生日期,中心编码,窗口编码,工号,类别,次数,记录人,说明\r\n" +
                                         "E1,2025/10/9,511922001,W001,S1,迟到早退,,办公室,\r\n" +
                                         "E2,2025-10-10,511922001,,,锦旗,2,县政务服务管理局,\"群众送来锦旗，写着“为民服务”\"\r\n",
            Encoding.GetEncoding("GB18030"));
        var report = _w.Ingest();
        Assert.Equal(Outcomes.Loaded, Assert.Single(report.Files).Outcome);
        var rows = _w.Query<(string Id, DateTime On, string? Staff, string Kind, int Quantity)>(
            "SELECT event_id, CAST(occurred_on AS TIMESTAMP), staff_id, kind, quantity FROM api.assessment_events ORDER BY 1");
        Assert.Equal([("E1", new DateTime(2025, 10, 9), "S1", "迟到早退", 1), ("E2", new DateTime(2025, 10, 10), null, "锦旗", 2)], rows);
    }

    [Fact]
    public void An_xlsx_with_excel_date_cells_loads()
    {
        _w.WriteXlsx("考核记录_2025Q4.xlsx",
            ["记录编号", "发生日期", "中心编码", "类别", "次数"],
            ["X1", new DateTime(2025, 11, 3), "511922101", "上门服务", 3],
            ["X2", new DateTime(2025, 11, 4), "511922101", "媒体报道县级", null]);
        var file = Assert.Single(_w.Ingest().Files);
        Assert.Equal(Outcomes.Loaded, file.Outcome);
        Assert.Equal([("X1", "2025-11-03", 3), ("X2", "2025-11-04", 1)],
            _w.Query<(string, string, int)>("SELECT event_id, strftime(occurred_on, '%Y-%m-%d'), quantity FROM fct_assessment_event ORDER BY 1"));
    }

    [Fact]
    public void Bad_rows_are_rejected_with_their_column_and_a_chinese_reason_and_the_rest_loads()
    {
        _w.WriteCsv("assessment_events.csv", """
            event_id,occurred_on,center_code,window_code,staff_id,kind,quantity
            E1,2025-10-09,511922001,W001,S1,迟到早退,1
            E2,2025-10-09,511922001,W001,S1,打瞌睡,1
            E3,2025-13-01,511922001,W001,S1,迟到早退,1
            E4,2025-10-09,511922999,,,锦旗,1
            E5,2025-10-09,511922001,W001,S9,玩手机,1
            E6,2025-10-09,511922001,W001,S1,玩手机,0
            E1,2025-10-10,511922001,W001,S1,玩手机,1
            """ + "\n" + string.Join("\n", Enumerable.Range(10, 100).Select(i => $"G{i},2025-10-09,511922101,W101,,表扬信,1")));
        _w.Ingest(threshold: 0.5);
        var rejects = _w.Query<(int Row, string Column, string Reason)>("SELECT row, \"column\", reason FROM api.rejects ORDER BY row");
        Assert.Equal([3, 4, 5, 6, 7, 8], rejects.Select(r => r.Row));
        Assert.Equal(["kind", "occurred_on", "center_code", "staff_id", "quantity", "event_id"], rejects.Select(r => r.Column));
        Assert.Contains("类别“打瞌睡”不在本县考核记录类别清单内（迟到早退/", rejects[0].Reason);
        Assert.Contains("首次出现在第 2 行", rejects[5].Reason);
        Assert.Equal(101L, _w.Scalar<long>("SELECT count(*) FROM fct_assessment_event"));
    }

    [Fact]
    public void A_later_file_replaces_an_event_by_its_id_and_loading_it_again_changes_nothing()
    {
        _w.WriteCsv("assessment_events_20251010.csv", "event_id,occurred_on,center_code,kind\nE1,2025-10-09,511922001,迟到早退\n");
        _w.Ingest();
        _w.WriteCsv("assessment_events_20251011.csv", "event_id,occurred_on,center_code,kind,quantity\nE1,2025-10-09,511922001,离岗30分钟以上,2\n");
        _w.Ingest();
        _w.WriteCsv("assessment_events_20251012.csv", "event_id,occurred_on,center_code,kind,quantity\nE1,2025-10-09,511922001,离岗30分钟以上,2\n");
        _w.Ingest();
        Assert.Equal([("离岗30分钟以上", 2)], _w.Query<(string, int)>("SELECT kind, quantity FROM fct_assessment_event"));
    }
}
