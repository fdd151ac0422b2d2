namespace Oversight.Tests.Cli;

/// <summary>The real program, in a child process, as a county user runs it.</summary>
public class CliTests
{
    [Fact]
    public void Status_of_a_missing_database_says_so_in_chinese_and_exits_1()
    {
        using var dir = new TempDir();
        var result = CliProcess.Run(["status", "--db", dir.File("none.duckdb")]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("数据库文件不存在", result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr); // no stack trace
    }

    [Fact]
    public void A_file_that_is_not_a_database_gives_a_clear_error_not_a_stack_trace()
    {
        using var dir = new TempDir();
        var db = dir.File("broken.duckdb");
        File.WriteAllText(db, "this is not a database");
        var result = CliProcess.Run(["status", "--db", db]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(db, result.StdErr);
        Assert.DoesNotContain("   at ", result.StdErr);
    }

    [Fact]
    public void Ingest_reports_set_aside_files_with_exit_code_3_and_status_lists_them()
    {
        using var w = new TestWarehouse();
        w.WriteReferenceFeeds();
        w.WriteCsv("cases_bad.xlsx", "not really a workbook");
        w.Close();
        var ingest = CliProcess.Run(["ingest", "--db", w.DbPath, "--inbox", w.Inbox]);
        Assert.Equal(3, ingest.ExitCode);
        Assert.Contains("搁置 1 个文件", ingest.StdOut);

        var status = CliProcess.Run(["status", "--db", w.DbPath]);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("cases_bad.xlsx", status.StdOut);
        Assert.Contains("不是 Excel 工作簿", status.StdOut);
        w.Reopen();
    }
}
