using System.Diagnostics;
using System.Globalization;
using Dapper;
using Oversight.Demo;
using Oversight.Ingest;
using Oversight.Privacy;
using Oversight.Reports;
using Oversight.Reports.Monthly;
using Oversight.Warehouse;

namespace Oversight.Bench;

/// <summary>
/// The monthly briefing after load: marts built (materialised once per run), view model, HTML and Markdown
/// rendered; PDF excluded (that is Chromium's time). <c>--scale demo</c> loads the demo county through the normal
/// ingest; <c>--scale province</c> writes a synthetic province (3,000 centers, 10M cases a year) straight into
/// the core tables (--centers, --cases: a smaller province; --months: a shorter demo). Beside it, a reference: one plain
/// GROUP BY over the case facts. Medians over runs, each on a fresh connection.
/// </summary>
public static class ReportBench
{
    public static int Run(string[] args)
    {
        var scale = IngestBench.Arg(args, "--scale", "demo");
        var runs = int.Parse(IngestBench.Arg(args, "--runs", scale == "demo" ? "5" : "3"), CultureInfo.InvariantCulture);
        var dir = Path.GetFullPath(IngestBench.Arg(args, "--dir", Path.Combine(Path.GetTempPath(), "oversight-bench")));
        Directory.CreateDirectory(dir);
        var size = new Size(
            int.Parse(IngestBench.Arg(args, "--centers", "3000"), CultureInfo.InvariantCulture),
            long.Parse(IngestBench.Arg(args, "--cases", "10000000"), CultureInfo.InvariantCulture),
            int.Parse(IngestBench.Arg(args, "--months", "36"), CultureInfo.InvariantCulture));
        var db = Path.Combine(dir, $"report-{scale}{(size == Size.Default ? "" : $"-{size.Centers}-{size.Cases}-{size.Months}")}.duckdb");
        var month = Oversight.Calendar.Month.Of(2026, 10);
        if (!File.Exists(db)) Prepare(scale, size, db, dir);

        var build = new List<double>();
        var render = new List<double>();
        var reference = new List<double>();
        var outDir = Path.Combine(dir, $"report-{scale}-out");
        for (var r = 0; r < runs; r++)
        {
            using var connection = Database.OpenAndMigrate(db);
            var clock = Stopwatch.StartNew();
            // Reference: one plain aggregate over the case facts (a single scan, what any BI tool would run).
            connection.ExecuteScalar<long>(
                "SELECT count(*) FROM (SELECT window_code, date_trunc('month', accepted_at), count(*), count(completed_at) FROM fct_case GROUP BY ALL)");
            reference.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            var model = MonthlyBriefingBuilder.Build(connection, month, ReportSettings.Load(new TemplateFolder()), DateTime.Now);
            build.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            ReportWriter.Write(new TemplateFolder(), "monthly/briefing", model, outDir, "briefing", pdf: false);
            render.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine($"run {r + 1}: reference aggregate {reference[^1]:F2} s, marts + view model {build[^1]:F2} s, render HTML + Markdown {render[^1]:F2} s");
        }
        using (var c = Database.Open(db, readOnly: true))
            Console.WriteLine($"scale={scale} centers={c.ExecuteScalar<long>("SELECT count(*) FROM dim_center"):N0} " +
                              $"cases={c.ExecuteScalar<long>("SELECT count(*) FROM fct_case"):N0} runs={runs} cores={Environment.ProcessorCount}");
        var b = IngestBench.Median(build);
        var rr = IngestBench.Median(render);
        var re = IngestBench.Median(reference);
        Console.WriteLine($"median: reference aggregate {re:F2} s; marts + view model {b:F2} s, render {rr:F2} s, total {b + rr:F2} s " +
                          $"(first run {build[0] + render[0]:F2} s); ratio total ÷ reference {(b + rr) / re:F1}");
        return 0;
    }

    private sealed record Size(int Centers, long Cases, int Months)
    {
        public static readonly Size Default = new(3000, 10_000_000, 36);
    }

    private static void Prepare(string scale, Size size, string db, string dir)
    {
        var clock = Stopwatch.StartNew();
        if (scale == "demo")
        {
            var inbox = Path.Combine(dir, "report-demo-inbox");
            if (Directory.Exists(inbox)) Directory.Delete(inbox, recursive: true);
            DemoCounty.WriteFeeds(inbox, new DemoOptions { Seed = 511922, Today = new DateOnly(2026, 11, 24), TruthPath = Path.Combine(dir, "report-demo-truth.json"),
                Months = size.Months });
            KeyFile.EnsureExists(db);
            using var connection = Database.OpenAndMigrate(db);
            new Ingestor(connection, KeyFile.Load(db)).Run(new IngestOptions(inbox) { SettleSeconds = 0 });
        }
        else if (scale == "province")
        {
            using var connection = Database.OpenAndMigrate(db);
            connection.Execute($"SET VARIABLE centers = {size.Centers}; SET VARIABLE cases = {size.Cases}");
            var sql = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "province.sql"));
            foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (statement.Split('\n').Any(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal) && l.Trim().Length > 0))
                    connection.Execute(statement, commandTimeout: 0);
            connection.Execute("CHECKPOINT");
        }
        else throw new ArgumentException($"unknown --scale {scale} (demo | province)");
        Console.WriteLine($"prepared {scale} warehouse in {clock.Elapsed.TotalSeconds:F1} s: {db}");
    }
}
