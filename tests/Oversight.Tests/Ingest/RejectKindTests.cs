using Dapper;
using Oversight.Ingest;

namespace Oversight.Tests.Ingest;

/// <summary>Every reject carries a kind from the closed set (sql/seeds/reject_kinds.csv), and code decides by that
/// kind: rewording a loader's reason changes what the sender reads, never the "send the reference feed first" advice
/// or the retry of the file.</summary>
public class RejectKindTests
{
    private const string Header = "case_id,center_code,window_code,item_code,case_type,channel,accepted_at,due_at,paused_days,completed_at,status\n";

    [Fact]
    public void Each_broken_rule_has_its_kind_and_every_kind_is_one_of_the_closed_set()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_mixed.csv", Header +
            "C01,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +
            ",511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +
            "C03,511922001,W001,I05,承诺件,窗口,2026-13-02 09:00,,,,办理中\n" +
            "C04,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,,two,,办理中\n" +
            "C05,511922001,W001,I05,加急件,窗口,2026-03-02 09:00,,,,办理中\n" +
            "C06,511922999,W001,I05,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +
            "C07,511922001,W001,I99,承诺件,窗口,2026-03-02 09:00,,,,办理中\n" +
            "C08,511922001,W001,I05,承诺件,窗口,1900-03-02 09:00,,,,办理中\n" +
            "C09,511922001,W001,I05,承诺件,窗口,2026-03-02 09:00,2026-03-01 17:00,,,办理中\n" +
            "C01,511922001,W001,I05,承诺件,窗口,2026-03-03 09:00,,,,办理中\n" +
            "13800138000,511922001,W001,I05,承诺件,窗口,2026-03-03 09:00,,,,办理中\n");
        w.Ingest(threshold: 1.0);

        Assert.Equal(
            ["missing_value", "bad_date", "bad_number", "bad_enum", "missing_reference", "missing_reference", "out_of_bounds",
             "inconsistent", "duplicate", "personal_data"],
            w.Query<string>("SELECT kind FROM api.rejects WHERE file = 'cases_mixed.csv' ORDER BY \"row\""));
        Assert.Empty(w.Query<string>("SELECT kind FROM load_reject EXCEPT SELECT kind FROM seed_reject_kinds"));
    }

    [Fact]
    public void A_reworded_missing_reference_reason_still_brings_the_advice_and_the_retry()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        // A loader's wording changes (here the shared macro, as an edit to stg_macros.sql would): no 请先报送 left in it.
        w.Connection.Execute("""
            CREATE OR REPLACE MACRO missing_reference_problem(col, label, code, feed_name, feed_zh) AS
                problem(col, 'missing_reference', label || '“' || code || '”在已报送的数据中找不到')
            """);
        var cases = "case_id,center_code,window_code,item_code,case_type,accepted_at,status\n" +
                    string.Concat(Enumerable.Range(1, 3).Select(i => $"N{i},511922001,W009,I05,承诺件,2026-03-02 09:00,办理中\n"));
        w.WriteCsv("cases_1.csv", cases);

        var first = Assert.Single(w.Ingest().Files, f => f.FileName == "cases_1.csv");
        Assert.Contains("3 行的窗口编码尚未报送，请先报送窗口表（windows/窗口）", first.Reason);
        Assert.Equal(["窗口编码“W009”在已报送的数据中找不到"], w.Query<string>("SELECT DISTINCT reason FROM load_reject"));

        // Sent again after the windows: tried again, not taken for content already loaded.
        w.WriteCsv("windows_2.csv", "window_code,center_code,window_name\nW009,511922001,不动产窗口\n");
        w.WriteCsv("cases_1.csv", cases);
        Assert.Equal(Outcomes.Loaded, Assert.Single(w.Ingest().Files, f => f.FileName == "cases_1.csv").Outcome);
        Assert.Equal(3L, w.Scalar<long>("SELECT count(*) FROM fct_case"));
    }

    [Fact]
    public void The_ingest_code_decides_by_kind_not_by_the_wording_of_a_reason()
    {
        // The advice and retry used to find these rejects with LIKE '%请先报送%'.
        foreach (var file in new[] { "Ingestor.cs", "FeedLoader.cs" })
        {
            var source = File.ReadAllText(Path.Combine(RepoRoot(), "src", "Oversight", "Ingest", file));
            Assert.DoesNotContain("请先报送%", source);
            Assert.Contains("'missing_reference'", source);
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Oversight.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Oversight.sln not found above the test binaries");
    }
}
