namespace Oversight.Tests.Cli;

/// <summary><c>oversight query</c> can read the warehouse and nothing else, whatever SQL it is given.</summary>
public class QueryTests
{
    private static TestWarehouse LoadedWarehouse()
    {
        var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases.csv", "case_id,center_code,window_code,item_code,case_type,accepted_at,status\nQ-0001,511922001,W001,I05,承诺件,2026-03-02 09:00,办理中\n");
        w.Ingest();
        w.Close();
        return w;
    }

    [Fact]
    public void A_select_on_the_api_views_prints_the_rows()
    {
        using var w = LoadedWarehouse();
        var result = CliProcess.Run(["query", "--db", w.DbPath, "SELECT case_id, status FROM api.cases"]);
        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("Q-0001", result.StdOut);
        Assert.Contains("办理中", result.StdOut);
        Assert.Contains("共 1 行", result.StdOut);
        w.Reopen();
    }

    [Fact]
    public void A_typo_in_the_sql_is_a_user_error_explained_in_chinese_with_duckdbs_words()
    {
        using var w = LoadedWarehouse();
        var typo = CliProcess.Run(["query", "--db", w.DbPath, "SELEC * FROM api.cases"]);
        Assert.Equal(1, typo.ExitCode);
        Assert.Contains("错误：查询语句有语法错误", typo.StdErr);
        Assert.Contains("DuckDB 的原始说明：Parser Error", typo.StdErr);
        Assert.DoesNotContain("内部错误", typo.StdErr);

        var table = CliProcess.Run(["query", "--db", w.DbPath, "SELECT * FROM api.casez"]);
        Assert.Equal(1, table.ExitCode);
        Assert.Contains("查询用到的表、视图、列或函数不存在", table.StdErr);
        w.Reopen();
    }

    [Theory]
    [InlineData("read_text", "SELECT * FROM read_text('{key}')", "不能读写文件")]
    [InlineData("read_csv", "SELECT * FROM read_csv('{csv}')", "不能读写文件")]
    [InlineData("copy_to", "COPY (SELECT case_id FROM api.cases) TO '{out}'", "不能读写文件")]
    [InlineData("attach", "ATTACH '{out}' AS other", "连接其他数据库")]
    [InlineData("install", "INSTALL httpfs", "安装、加载扩展")]
    [InlineData("load", "LOAD httpfs", "安装、加载扩展")]
    [InlineData("set", "SET enable_external_access = true", "不能更改数据库设置")]
    [InlineData("reset", "RESET lock_configuration", "不能更改数据库设置")]
    [InlineData("pragma", "PRAGMA threads = 1", "不能更改数据库设置")]
    [InlineData("write", "CREATE TABLE api_copy AS SELECT * FROM api.cases", "只读")]
    [InlineData("second statement", "SELECT 1; SET lock_configuration = false; SELECT * FROM read_text('{key}')", "不能更改数据库设置")]
    public void What_would_reach_outside_the_warehouse_or_change_it_is_refused_in_chinese(string what, string sql, string reason)
    {
        using var w = LoadedWarehouse();
        var csv = Path.Combine(w.Root, "plain.csv");
        File.WriteAllText(csv, "a,b\n1,2\n");
        var outFile = Path.Combine(w.Root, "out.csv");
        var key = w.DbPath + ".key";
        var result = CliProcess.Run(["query", "--db", w.DbPath,
            sql.Replace("{key}", key).Replace("{csv}", csv).Replace("{out}", outFile)]);
        Assert.True(result.ExitCode == 1, $"{what}: {result.ExitCode} {result.StdOut} {result.StdErr}");
        Assert.Contains(reason, result.StdErr);
        Assert.StartsWith("错误：", result.StdErr);
        Assert.DoesNotContain(File.ReadAllText(key).Trim(), result.StdOut + result.StdErr);
        Assert.False(File.Exists(outFile), what);
        Assert.DoesNotContain("内部错误", result.StdErr);
        w.Reopen();
        Assert.Equal(0, w.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'api_copy'"));
    }
}
