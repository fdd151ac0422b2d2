namespace Oversight.Tests.Ingest;

public class UpsertTests
{
    private const string Header = "case_id,center_code,window_code,item_code,case_type,accepted_at,completed_at,status,updated_at\n";

    [Fact]
    public void A_newer_updated_at_replaces_the_case_and_an_equal_or_older_one_changes_nothing()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_1.csv", Header + "C1,511922001,W001,I05,承诺件,2026-03-02 09:00,,办理中,2026-03-02 09:00\nC2,511922001,W001,I05,承诺件,2026-03-02 09:00,,办理中,2026-03-05 09:00\n");
        w.Ingest();
        w.WriteCsv("cases_2.csv", Header +
            "C1,511922001,W001,I05,承诺件,2026-03-02 09:00,2026-03-04 16:00,已办结,2026-03-04 16:00\n" + // newer: replaces
            "C2,511922001,W001,I05,承诺件,2026-03-02 09:00,2026-03-04 16:00,已办结,2026-03-05 09:00\n"); // equal: duplicate
        w.Ingest();
        w.WriteCsv("cases_3.csv", Header + "C1,511922001,W001,I05,承诺件,2026-03-02 09:00,,办理中,2026-03-03 09:00\n"); // older
        w.Ingest();
        Assert.Equal("已办结", w.Scalar<string>("SELECT status FROM fct_case WHERE case_id = 'C1'"));
        Assert.Equal("办理中", w.Scalar<string>("SELECT status FROM fct_case WHERE case_id = 'C2'"));
    }

    [Fact]
    public void Without_updated_at_the_later_file_wins()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("video_checks_1.csv", "check_id,checked_at,center_code,finding\nV1,2026-03-02 10:00,511922001,正常\n");
        w.Ingest();
        w.WriteCsv("video_checks_2.csv", "check_id,checked_at,center_code,finding\nV1,2026-03-02 10:00,511922001,大厅无人\n");
        w.Ingest();
        Assert.Equal("大厅无人", w.Scalar<string>("SELECT finding FROM fct_video_check"));
    }

    [Fact]
    public void A_fed_calendar_for_a_new_year_moves_due_dates_and_removes_the_coverage_warning()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        // 2027-01-01 (Friday): 1 working day from 2026-12-31 is Friday 1 Jan without a 2027 calendar.
        w.WriteCsv("cases.csv", "case_id,center_code,window_code,item_code,case_type,accepted_at,status\nC1,511922001,W001,I00,即办件,2027-01-04 09:00,办理中\nC2,511922001,W001,I05,承诺件,2026-12-31 09:00,办理中\n");
        var first = w.Ingest();
        Assert.Contains(first.Warnings, m => m.Contains("2027 年没有节假日日历"));
        Assert.Equal(new DateTime(2027, 1, 7, 23, 59, 59), w.Scalar<DateTime>("SELECT due_at FROM core_case WHERE case_id = 'C2'"));

        w.WriteCsv("日历_2027.csv", "日期,类型,名称\n2027-01-01,休,元旦\n2027-01-02,休,元旦\n2027-01-03,休,元旦\n");
        var second = w.Ingest();
        Assert.DoesNotContain(second.Warnings, m => m.Contains("2027"));
        Assert.Equal(new DateTime(2027, 1, 8, 23, 59, 59), w.Scalar<DateTime>("SELECT due_at FROM core_case WHERE case_id = 'C2'"));
    }
}
