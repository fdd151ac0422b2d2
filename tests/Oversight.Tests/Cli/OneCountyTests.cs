using Oversight.Ingest;
using Oversight.Reports.Inspection;

namespace Oversight.Tests.Cli;

/// <summary>One county per warehouse: the demo in its own, another county's files refused, small files not set aside.</summary>
public class OneCountyTests
{
    [Fact]
    public void The_demo_builds_its_own_warehouse_and_never_the_default_one()
    {
        using var dir = new TempDir();
        var demo = CliProcess.Run(["demo", "--seed", "7", "--months", "2"], dir.Path); // where it goes, not how much: two months
        Assert.True(demo.ExitCode == 0, demo.StdOut + demo.StdErr);
        Assert.True(File.Exists(Path.Combine(dir.Path, "demo", "oversight.duckdb")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "oversight.duckdb")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "oversight.duckdb.key")));
        Assert.Contains("status --db demo/oversight.duckdb", demo.StdOut);

        var refused = CliProcess.Run(["demo", "--db", "./oversight.duckdb"], dir.Path);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("演示数据不能导入默认数据库", refused.StdErr);
        Assert.False(File.Exists(Path.Combine(dir.Path, "oversight.duckdb")));
    }

    [Fact]
    public void Ingest_sets_aside_a_centers_file_of_another_county_naming_both_in_chinese()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.Ingest();
        w.Close();
        File.WriteAllText(Path.Combine(w.Inbox, "centers_longshan.csv"),
            "center_code,center_name,county_code,kind,population\n433130101,民安街道,433130,街道,60000\n");
        var run = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox, "--settle-seconds", "0"], w.Root);
        w.Reopen();
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("文件中的中心属于龙山县（县区编码 433130），而本数据库是南江县（县区编码 511922）的", run.StdOut);
        Assert.Equal(["511922"], w.Query<string>("SELECT DISTINCT county_code FROM dim_center"));
        Assert.True(File.Exists(Path.Combine(w.Inbox, "quarantine", "centers_longshan.csv")));
    }

    [Fact]
    public void A_fact_file_of_another_county_is_set_aside_whole_naming_it_and_a_mixed_one_waits_for_the_centers_feed()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.Ingest();
        var own = w.Scalar<string>("SELECT min(center_code) FROM dim_center");
        const string header = "complaint_id,received_at,source,center_code,category,content,verdict\n";
        w.WriteCsv("complaints_longshan.csv", header +
            "P1,2026-10-08 09:00,12345热线,433130101,服务态度,态度差,属实\nP2,2026-10-09 09:00,12345热线,433130102,其他,排队久,不属实\n");
        var file = Assert.Single(w.Ingest().Files);
        Assert.Equal(Outcomes.SetAside, file.Outcome);
        Assert.Contains("中心编码属于龙山县（县区编码 433130），而本数据库是南江县（县区编码 511922）的", file.Reason);
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM fct_complaint"));

        w.WriteCsv("complaints_mixed.csv", header +
            $"P3,2026-10-08 09:00,12345热线,{own},服务态度,态度差,属实\nP4,2026-10-09 09:00,12345热线,433130102,其他,排队久,不属实\n");
        // Not another county's export: the unknown row is a center not sent yet, and the file waits for the centers feed.
        var mixed = Assert.Single(w.Ingest().Files);
        Assert.DoesNotContain("龙山县", mixed.Reason ?? "");
        Assert.Contains("请先报送中心表", mixed.Reason ?? "");
    }

    [Fact]
    public void A_centers_file_of_two_counties_is_set_aside_even_in_an_empty_warehouse()
    {
        using var w = new TestWarehouse();
        w.WriteCsv("centers.csv", "center_code,center_name,county_code,kind,population\n433130101,民安街道,433130,街道,60000\n511922101,沙河镇,511922,镇,23000\n");
        var file = Assert.Single(w.Ingest().Files);
        Assert.Equal(Outcomes.SetAside, file.Outcome);
        Assert.Contains("属于 2 个县（区）", file.Reason);
        Assert.Equal(0L, w.Scalar<long>("SELECT count(*) FROM dim_center"));
    }
}

/// <summary>status reads the restricted folder belonging to its --db (beside it), not ./restricted of the working folder.</summary>
public class StatusRestrictedFolderTests
{
    [Fact]
    public void Status_shows_the_plan_log_beside_its_database_not_the_one_in_the_working_folder()
    {
        using var w = new TestWarehouse();
        w.Close();
        using var elsewhere = new TempDir();
        StoredPlan Plan(string recipient) => new(1, new DateOnly(2026, 10, 1), new DateTime(2026, 11, 1, 6, 0, 0), "第一监督检查室 张三", "svc",
            recipient, "", [], []);
        new Oversight.Reports.Inspection.InspectionPlanStore(Path.Combine(w.Root, "restricted")).Append(Plan("本库的收件人"));
        new Oversight.Reports.Inspection.InspectionPlanStore(Path.Combine(elsewhere.Path, "restricted")).Append(Plan("别的库的收件人"));
        var run = CliProcess.Run(["status", "--db", w.DbPath], elsewhere.Path);
        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        Assert.Contains("本库的收件人", run.StdOut);
        Assert.DoesNotContain("别的库的收件人", run.StdOut);
    }
}
