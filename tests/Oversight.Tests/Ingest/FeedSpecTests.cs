using Dapper;
using Oversight.Ingest;
using Oversight.Warehouse;

namespace Oversight.Tests.Ingest;

/// <summary>The feed spec (Feed.cs) is the one definition of a feed: a column added there is parsed, checked, stored
/// and shown in the api without touching the loader; every feed with a table is counted by status.</summary>
public class FeedSpecTests
{
    [Fact]
    public void A_column_added_to_the_spec_alone_reaches_the_table_staging_the_api_and_status()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.Ingest();
        // windows plus 座位数 (seats), added in the spec only: no migration, no loader, no api or status edit.
        var windows = Feed.Windows with
        {
            Columns = [.. Feed.Windows.Columns, new FeedColumn("seats", "座位数", false) { Type = ColumnType.Int }],
        };
        var spec = Feed.All.Select(f => f == Feed.Windows ? windows : f).ToList();
        Assert.Equal(0, w.Scalar<long>("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'dim_window' AND column_name = 'seats'"));

        Migrator.Apply(w.Connection, spec); // what opening the warehouse does with the shipped spec
        Assert.Equal("INTEGER", w.Scalar<string>("SELECT data_type FROM duckdb_columns() WHERE table_name = 'dim_window' AND column_name = 'seats'"));
        Assert.Empty(Migrator.Apply(w.Connection, spec).Applied); // again: nothing to add

        var file = w.WriteCsv("windows_seats.csv", "窗口编码,中心编码,窗口名称,座位数\nW001,511922001,综合窗口,4\nW002,511922001,社保窗口,很多\n");
        using (var csv = TextCsv.Open(file, w.Root))
        {
            var map = ColumnMap.Find(windows, csv.Path, []);
            var staged = FeedLoader.Stage(w.Connection, windows, map, csv, 900, "windows_seats.csv", 1.0);
            Assert.Equal(4, w.Scalar<int>("SELECT seats FROM typed WHERE row_no = 2")); // staging
            using var tx = w.Connection.BeginTransaction();
            FeedLoader.Apply(w.Connection, tx, staged);
            tx.Commit();
        }
        Assert.Equal(("seats", "bad_number", "座位数“很多”不是非负整数"),
            w.Query<(string, string, string)>("SELECT column_name, kind, reason FROM load_reject WHERE file_id = 900").Single());
        Assert.Equal(4, w.Scalar<int>("SELECT seats FROM api.windows WHERE window_code = 'W001'"));

        var status = FeedStatus.Lines(w.Connection, spec).Single(l => l.TrimStart().StartsWith("窗口", StringComparison.Ordinal));
        Assert.EndsWith("、撤销日期、座位数", status);
        Assert.DoesNotContain("座位数", string.Join("\n", FeedStatus.Lines(w.Connection, Feed.All)));
    }

    [Fact]
    public void Status_counts_every_feed_that_keeps_a_table_and_lists_its_columns()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.Ingest();
        w.Close();
        var status = CliProcess.Run(["status", "--db", w.DbPath]);
        Assert.True(status.ExitCode == 0, status.StdOut + status.StdErr);
        foreach (var feed in Feed.All.Where(f => f.Table is not null))
            Assert.Matches($@"\n  {feed.ChineseName}\s+[\d,]+ 条；列：{string.Join("、", feed.Columns.Select(c => c.ChineseHeader))}\r?\n", status.StdOut);
        Assert.Contains("考核记录", status.StdOut);
        w.Reopen();
    }

    [Fact]
    public void The_province_benchmark_data_names_the_columns_it_inserts()
    {
        var sql = File.ReadAllText(Path.Combine(RejectKindTests.RepoRoot(), "src", "Oversight.Bench", "province.sql"));
        var inserts = System.Text.RegularExpressions.Regex.Matches(sql, @"INSERT INTO (\w+)\s*(\(|SELECT|VALUES)");
        Assert.NotEmpty(inserts);
        Assert.All(inserts, m => Assert.Equal("(", m.Groups[2].Value));
    }
}
