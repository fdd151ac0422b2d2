using Dapper;

namespace Oversight.Tests.Warehouse;

/// <summary>The api schema is the public face for outside tools: a change here must be deliberate
/// (and README's column list updated with it).</summary>
public class ApiSchemaTests
{
    public static TheoryData<string, string> Views => new()
    {
        { "centers", "center_code,center_name,county_code,kind,population,head_name,opened_on" },
        { "windows", "window_code,center_code,window_name,category,opened_on,closed_on" },
        { "staff", "staff_id,staff_name,center_code,window_code,post,employment,active_from,active_to" },
        { "items", "item_code,item_name,item_kind,legal_days,promised_days" },
        { "cases", "case_id,center_code,window_code,staff_id,item_code,case_type,channel,accepted_at,due_at,paused_days,completed_at,status,applicant_id_hash,applicant_id_masked,applicant_phone_hash,applicant_phone_masked,recorded_at,updated_at,is_overdue,overdue_working_days,record_lag_hours" },
        { "complaints", "complaint_id,received_at,source,center_code,window_code,staff_id,case_id,category,content,verdict,responded_at,closed_at,complainant_phone_hash,complainant_phone_masked,updated_at" },
        { "callbacks", "callback_id,case_id,method,called_at,reached,rating,comment,rectified_at,phone_hash,phone_masked" },
        { "video_checks", "check_id,checked_at,center_code,window_code,checker,finding,staff_on_duty,people_waiting,note" },
        { "visits", "visit_id,visited_at,center_code,window_code,visit_type,team,problems_found,severity,findings" },
        { "rejects", "file,row,column,reason,header,kind" },
        { "calendar", "date,day_type,name" },
        { "loads", "file,sha256,feed,rows_loaded,rows_rejected,outcome,reason,time" },
        { "assessment_events", "event_id,occurred_on,center_code,window_code,staff_id,kind,quantity,recorder,note" },
        { "center_hours", "center_code,weekday,date_from,date_to,open_time,close_time" },
        { "assessment_scores", "year,quarter,center_code,center_name,head_name,score,band,rank,disqualified,scheme" },
        { "staff_assessment_scores", "year,quarter,staff_id,staff_name,center_code,window_code,score,band,rank,scheme" },
        { "rectification_items", "doc_number,item_id,status,light,is_overdue,source,kind,source_ref,source_ids,finding_month,center_code,center_name,window_code,staff_id,description,requirement,assigned_on,working_days,deadline,responsible,measures,evidence,completed_on,reviewer,reviewed_on,override_reason,returned_count" },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public void Each_api_view_has_exactly_its_documented_columns_in_order(string view, string columns)
    {
        using var w = new TestWarehouse();
        var actual = w.Connection.Query<string>(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'api' AND table_name = $v ORDER BY ordinal_position",
            new { v = view });
        Assert.Equal(columns, string.Join(',', actual));
    }

    [Fact]
    public void The_api_schema_has_no_undocumented_views()
    {
        using var w = new TestWarehouse();
        var views = w.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'api' ORDER BY table_name");
        Assert.Equal(Views.Select(row => (string)row[0]).Order(), views);
    }

    [Fact]
    public void Api_cases_shows_the_effective_due_time_and_overdue_working_days()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        // 5 working days from Thursday 2026-02-12 (Spring Festival 15–23 Feb off, Saturday 14 Feb worked) → 26 Feb;
        // completed Monday 2 March: 27 Feb, Saturday 28 Feb (worked) and 2 Mar late → 3 working days overdue.
        w.WriteCsv("cases.csv", "case_id,center_code,window_code,item_code,case_type,accepted_at,completed_at,status,recorded_at\n" +
                                "C1,511922001,W001,I05,承诺件,2026-02-12 09:30,2026-03-02 10:00,已办结,2026-02-13 21:30\n");
        w.Ingest();
        var row = w.Connection.QuerySingle<(DateTime Due, bool Overdue, int Days, double Lag)>(
            "SELECT due_at, is_overdue, overdue_working_days, record_lag_hours FROM api.cases");
        Assert.Equal((new DateTime(2026, 2, 26, 23, 59, 59), true, 3, 36.0), row);
    }
}
