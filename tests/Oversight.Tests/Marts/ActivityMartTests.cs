using Dapper;

namespace Oversight.Tests.Marts;

/// <summary>Complaint, callback, video-check and visit metrics, checked by hand on a few records.</summary>
public class ActivityMartTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public ActivityMartTests()
    {
        _w.WriteReferenceFeeds();
        _w.WriteCsv("cases.csv", """
            case_id,center_code,window_code,item_code,case_type,channel,accepted_at,completed_at,status
            A,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,2026-03-05 10:00,已办结
            B,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,2026-03-12 10:00,已办结
            C,511922001,W002,I00,即办件,窗口,2026-03-03 09:00,2026-03-03 09:30,已办结
            E,511922001,W002,I00,即办件,窗口,2026-03-09 09:00,2026-03-09 09:30,已办结
            D,511922101,W101,I03,承诺件,窗口,2026-03-16 09:00,2026-03-20 10:00,已办结
            F,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,办理中
            G,511922001,W001,I03,承诺件,窗口,2026-03-04 09:00,,办理中
            """);
        _w.WriteCsv("complaints.csv", """
            complaint_id,received_at,source,center_code,window_code,category,content,verdict,responded_at,closed_at,complainant_phone
            P1,2026-03-02 09:00,12345热线,511922001,W001,服务态度,态度差,属实,2026-03-03 09:00,2026-03-05 09:00,13800000001
            P2,2026-03-05 10:00,意见箱,511922001,W001,吃拿卡要,要烟,部分属实,2026-03-08 10:00,2026-03-10 10:00,13800000001
            P3,2026-03-10 10:00,12345热线,511922001,,办理超时,太慢,不属实,2026-03-12 10:00,2026-03-13 10:00,13800000002
            P4,2026-03-20 10:00,现场,511922101,W101,其他,没人,,,,13800000002
            P5,2026-04-02 10:00,网上,511922001,W002,服务态度,又是态度差,属实,2026-04-03 10:00,2026-04-03 12:00,13800000001
            """);
        _w.WriteCsv("callbacks.csv", """
            callback_id,case_id,method,called_at,reached,rating,rectified_at,phone
            K1,A,电话回访,2026-03-06 10:00,是,满意,,13900000001
            K2,A,好差评,2026-03-06 11:00,是,非常满意,,13900000001
            K3,B,电话回访,2026-03-13 10:00,否,,,13900000002
            K4,C,好差评,2026-03-04 10:00,是,不满意,2026-03-25 17:00,13900000003
            K5,D,电话回访,2026-03-23 10:00,是,非常不满意,2026-05-20 10:00,13900000004
            """);
        _w.WriteCsv("video_checks.csv", """
            check_id,checked_at,center_code,window_code,finding
            V1,2026-03-02 10:00,511922001,W001,正常
            V2,2026-03-03 10:20,511922001,W001,离岗
            V3,2026-03-04 15:00,511922001,,大厅无人
            V4,2026-03-05 10:00,511922001,W002,设备离线
            V5,2026-03-06 10:00,511922101,W101,着装不规范
            """);
        _w.WriteCsv("visits.csv", """
            visit_id,visited_at,center_code,visit_type,problems_found
            X1,2026-03-10 10:00,511922001,暗访,3
            X2,2026-03-11 10:00,511922001,明查,1
            """);
        var report = _w.Ingest();
        Assert.All(report.Files, f => Assert.Equal(0, f.RowsRejected));
    }

    public void Dispose() => _w.Dispose();

    private T One<T>(string view, string columns, string scope, string? center, string kind = "month", string period = "2026-03-01") =>
        _w.Connection.QuerySingle<T>(
            $"SELECT {columns} FROM {view} WHERE scope = $scope AND period_kind = $kind AND period = CAST($period AS DATE) " +
            "AND center_code IS NOT DISTINCT FROM $center",
            new { scope, kind, period, center });

    private sealed record ComplaintRow(long complaints, long upheld, long upheld_bribery, long pending, double? response_rate,
        double? median_response_days, long repeat_complainants);

    private const string ComplaintColumns =
        "complaints, upheld, upheld_bribery, pending, response_rate, median_response_days, repeat_complainants";

    [Fact]
    public void Complaints_count_upheld_pending_response_days_and_repeat_complainants_by_hashed_phone()
    {
        var center = One<ComplaintRow>("mart_period_complaints", ComplaintColumns, "center", "511922001");
        Assert.Equal(new ComplaintRow(3, 2, 1, 0, 1.0, 2.0, 1), center);

        // County: P4 is pending (no verdict); phone 2 complained at two centers, so it repeats county-wide only.
        var county = One<ComplaintRow>("mart_period_complaints", ComplaintColumns, "county", null);
        Assert.Equal(new ComplaintRow(4, 2, 1, 1, 0.75, 2.0, 2), county);

        var year = One<ComplaintRow>("mart_period_complaints", ComplaintColumns, "center", "511922001", "year", "2026-01-01");
        Assert.Equal((4L, 3L, 1L), (year.complaints, year.upheld, year.repeat_complainants));
    }

    [Fact]
    public void Complaint_mix_counts_each_category_and_source()
    {
        var mix = _w.Query<(string Dimension, string Value, long Complaints, long Upheld)>(
            "SELECT dimension, value, complaints, upheld FROM mart_period_complaint_mix " +
            "WHERE scope = 'county' AND period_kind = 'month' AND period = DATE '2026-03-01' ORDER BY dimension, value");
        Assert.Contains(("source", "12345热线", 2L, 1L), mix);
        Assert.Contains(("category", "吃拿卡要", 1L, 1L), mix);
        Assert.Equal(4, mix.Where(m => m.Dimension == "category").Sum(m => m.Complaints));
    }

    private sealed record CallbackRow(long callbacks, long reached, long rated, long satisfied, long bad_ratings,
        long bad_rectified_in_time, double? coverage_rate, double? reach_rate, double? satisfaction_rate, double? bad_rectified_rate);

    private const string CallbackColumns = "callbacks, reached, rated, satisfied, bad_ratings, bad_rectified_in_time, " +
                                           "coverage_rate, reach_rate, satisfaction_rate, bad_rectified_rate";

    [Fact]
    public void Callbacks_measure_coverage_reach_satisfaction_and_bad_ratings_rectified_within_15_working_days()
    {
        var county = One<CallbackRow>("mart_period_callbacks", CallbackColumns, "county", null);
        // Coverage: A, B, C, D of the five cases completed in March were called (E was not).
        // K4's 差评 (4 Mar) was rectified on 25 Mar, the 15th working day after; K5's two months later.
        Assert.Equal(new CallbackRow(5, 4, 4, 2, 2, 1, 0.8, 0.8, 0.5, 0.5), county);

        var center = One<CallbackRow>("mart_period_callbacks", CallbackColumns, "center", "511922001");
        Assert.Equal(new CallbackRow(4, 3, 3, 2, 1, 1, 0.75, 0.75, 2 / 3.0, 1.0), center);
    }

    [Fact]
    public void Video_checks_rate_violations_and_offline_equipment_and_record_when_they_happened()
    {
        var center = One<(long Checks, long Violations, long EmptyHall, long Offline, double ViolationRate, double OfflineRate)>(
            "mart_period_video",
            "video_checks, video_violations, empty_hall_checks, offline_checks, violation_rate, offline_rate", "center", "511922001");
        Assert.Equal((4L, 2L, 1L, 1L, 0.5, 0.25), (center.Checks, center.Violations, center.EmptyHall, center.Offline, center.ViolationRate, center.OfflineRate));
        var county = One<(long Checks, long Violations)>("mart_period_video", "video_checks, video_violations", "county", null);
        Assert.Equal((5L, 2L), county);

        // 3 March 2026 is a Tuesday; the 离岗 check was at 10:20.
        var slot = _w.Connection.QuerySingle<(long Checks, long Violations)>(
            "SELECT video_checks, video_violations FROM mart_video_weekday_hour WHERE center_code = '511922001' AND weekday = 2 AND hour = 10");
        Assert.Equal((1L, 1L), slot);
    }

    [Fact]
    public void Window_figures_count_what_names_the_window_and_leave_hall_wide_records_to_the_center()
    {
        string Window(string view, string columns) =>
            _w.Connection.QuerySingle<string>($"SELECT CAST(({columns}) AS VARCHAR) FROM {view} WHERE scope = 'window' AND window_code = 'W001' " +
                                              "AND period_kind = 'month' AND period = DATE '2026-03-01'");
        Assert.Equal("(2, 2)", Window("mart_period_complaints", "complaints, upheld"));
        Assert.Equal("(2, 1)", Window("mart_period_video", "video_checks, video_violations")); // V3 (whole hall) is the center's
        Assert.Equal("(4, 2)", Window("mart_period_cases", "cases_accepted, cases_completed")); // A, B, F, G; A and B done
        Assert.Equal("(3, 2)", Window("mart_period_callbacks", "callbacks, reached"));
        Assert.Equal(0L, _w.Scalar<long>("SELECT count(*) FROM mart_period_complaints WHERE scope = 'window' AND window_code IS NULL"));
    }

    [Fact]
    public void Visits_count_problems_per_visit()
    {
        var center = One<(long Visits, long Unannounced, long Problems, double PerVisit)>("mart_period_visits",
            "visits, unannounced_visits, problems_found, problems_per_visit", "center", "511922001");
        Assert.Equal((2L, 1L, 4L, 2.0), center);
    }

    [Fact]
    public void Headline_rows_exist_for_every_center_and_the_county_with_change_from_the_previous_month()
    {
        var centers = _w.Scalar<long>("SELECT count(*) FROM mart_period_center WHERE scope = 'center' AND period_kind = 'month' AND period = DATE '2026-04-01'");
        Assert.Equal(2, centers); // 511922101 had nothing in April and still has its row
        var change = _w.Connection.QuerySingle<(double Value, double Previous, double Change)>(
            "SELECT value, previous_value, change_from_previous FROM mart_period_change " +
            "WHERE scope = 'county' AND period_kind = 'month' AND period = DATE '2026-04-01' AND metric = 'complaints'");
        Assert.Equal((1.0, 4.0, -3.0), change);
        var per1000 = _w.Scalar<double>(
            "SELECT complaints_per_1000_cases FROM mart_period_center WHERE scope = 'county' AND period_kind = 'month' AND period = DATE '2026-03-01'");
        Assert.Equal(1000.0 * 4 / 7, per1000, 6);
    }

    [Theory]
    [InlineData("2026-03-05 12:00", null, null)]        // F and B: 3 of 5 working days used, 2 left
    [InlineData("2026-03-06 12:00", "yellow", "yellow")] // F and B: 1 day left; G (3-day item from Wed 4 Mar): 1 day left
    [InlineData("2026-03-10 08:00", "red", "red")]       // all past their due time (end of 9 March); B done only on 12 March
    public void Early_warnings_as_of_a_moment_are_yellow_one_working_day_before_the_deadline_and_red_after(
        string at, string? warningF, string? warningG)
    {
        var warnings = _w.Query<(string CaseId, string Warning)>(
            $"SELECT case_id, warning FROM mart_case_warnings(TIMESTAMP '{at}') ORDER BY case_id").ToDictionary(r => r.CaseId, r => r.Warning);
        Assert.Equal(warningF, warnings.GetValueOrDefault("F"));
        Assert.Equal(warningF, warnings.GetValueOrDefault("B")); // same item and day as F, open until 12 March
        Assert.Equal(warningG, warnings.GetValueOrDefault("G"));
        Assert.Empty(warnings.Keys.Except(["B", "F", "G"])); // A done on 5 March; C, D, E 即办 or done in time
    }
}
