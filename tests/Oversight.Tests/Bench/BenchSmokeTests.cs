using System.Diagnostics;

namespace Oversight.Tests.Bench;

/// <summary>Every benchmark in src/Oversight.Bench, run at a tiny scale as its own program, so a schema change that
/// breaks one (province.sql once stopped at a new fct_case column and nothing noticed) fails here.</summary>
public class BenchSmokeTests
{
    private static string Run(params string[] args)
    {
        using var dir = new TempDir();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Oversight.Bench.dll"));
        foreach (var a in args.Append("--dir").Append(dir.Path)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(300_000)) p.Kill(entireProcessTree: true);
        Assert.True(p.ExitCode == 0, $"bench {string.Join(' ', args)} exited {p.ExitCode}:\n{stdout}\n{stderr.Result}");
        return stdout;
    }

    [Fact]
    public void Ingest_bench_loads_its_generated_cases_beside_read_csv()
    {
        var output = Run("ingest", "--cases", "300", "--runs", "1");
        Assert.Contains("cases=300 runs=1", output);
        Assert.Contains("ratio ingest/read_csv throughput:", output);
    }

    [Fact]
    public void Report_bench_builds_the_briefing_on_a_small_synthetic_province()
    {
        var output = Run("report", "--scale", "province", "--centers", "12", "--cases", "6000", "--runs", "1");
        Assert.Contains("scale=province centers=12 cases=6,000 runs=1", output);
        Assert.Contains("ratio total ÷ reference", output);
    }

    [Fact]
    public void Report_bench_builds_the_briefing_on_a_short_demo_county()
    {
        var output = Run("report", "--scale", "demo", "--months", "3", "--runs", "1");
        Assert.Contains("scale=demo centers=32", output);
        Assert.Contains("ratio total ÷ reference", output);
    }

    [Fact]
    public void Train_bench_trains_and_scores_a_small_history()
    {
        var output = Run("train", "--windows", "60", "--months", "8", "--runs", "1");
        Assert.Contains("windows=60 months=8 runs=1", output);
        Assert.Contains("ratio train ÷ reference", output);
    }
}
