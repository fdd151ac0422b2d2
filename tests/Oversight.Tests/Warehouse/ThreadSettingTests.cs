namespace Oversight.Tests.Warehouse;

/// <summary>OVERSIGHT_THREADS bounds DuckDB's threads per connection, in-process and in the CLI; a value that is not a
/// positive whole number leaves DuckDB's default.</summary>
public class ThreadSettingTests
{
    private static string Threads(string db, string? value)
    {
        var env = value is null ? null : new Dictionary<string, string> { ["OVERSIGHT_THREADS"] = value };
        var result = CliProcess.Run(["query", "--db", db, "SELECT current_setting('threads') AS threads"], environment: env);
        Assert.True(result.ExitCode == 0, result.StdOut + result.StdErr);
        // The table's one cell: "│ 1       │".
        return System.Text.RegularExpressions.Regex.Match(result.StdOut, @"│ (\d+) +│").Groups[1].Value;
    }

    [Fact]
    public void The_suite_runs_one_thread_per_connection_and_the_cli_takes_the_variable()
    {
        using var w = new TestWarehouse();
        Assert.Equal("1", Environment.GetEnvironmentVariable("OVERSIGHT_THREADS"));
        Assert.Equal(1L, w.Scalar<long>("SELECT current_setting('threads')"));
        w.Close();

        Assert.Equal("1", Threads(w.DbPath, null)); // inherited from the suite
        Assert.Equal("3", Threads(w.DbPath, "3"));
        var byDefault = Threads(w.DbPath, ""); // unset: DuckDB's own count
        Assert.Matches(@"^[1-9]\d*$", byDefault);
        Assert.Equal(byDefault, Threads(w.DbPath, "0"));
        Assert.Equal(byDefault, Threads(w.DbPath, "两个"));
    }
}
