using System.Diagnostics;
using System.Globalization;
using Dapper;
using Oversight.Ingest;
using Oversight.Privacy;
using Oversight.Warehouse;

namespace Oversight.Bench;

/// <summary>
/// End-to-end ingest of N contract-format cases beside DuckDB's own read_csv of the same file into a plain
/// all-text table (the reference). Each measurement runs in a fresh child process so its peak memory
/// (VmHWM) is its own; medians over runs.
/// </summary>
public static class IngestBench
{
    public const string RawChild = "child-raw";
    public const string IngestChild = "child-ingest";

    public static int Run(string[] args)
    {
        var cases = long.Parse(Arg(args, "--cases", "1000000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Arg(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var dir = Path.GetFullPath(Arg(args, "--dir", Path.Combine(Path.GetTempPath(), "oversight-bench")));
        Directory.CreateDirectory(dir);
        var casesFile = Path.Combine(dir, $"cases_{cases}.csv");
        if (!File.Exists(casesFile))
        {
            var gen = Stopwatch.StartNew();
            CaseFileGenerator.WriteCases(casesFile + ".tmp", cases);
            File.Move(casesFile + ".tmp", casesFile);
            Console.WriteLine($"generated {cases:N0} cases ({new FileInfo(casesFile).Length / 1e6:F0} MB) in {gen.Elapsed.TotalSeconds:F1} s");
        }

        var raw = new List<(double Seconds, double PeakMb)>();
        var ingest = new List<(double Seconds, double PeakMb)>();
        for (var r = 0; r < runs; r++)
        {
            raw.Add(Child(RawChild, dir, casesFile));
            ingest.Add(Child(IngestChild, dir, casesFile));
            Console.WriteLine($"run {r + 1}: read_csv {raw[^1].Seconds:F2} s ({raw[^1].PeakMb:F0} MB), ingest {ingest[^1].Seconds:F2} s ({ingest[^1].PeakMb:F0} MB)");
        }
        var rawS = Median(raw.Select(x => x.Seconds));
        var ingS = Median(ingest.Select(x => x.Seconds));
        Console.WriteLine($"cases={cases} runs={runs} cores={Environment.ProcessorCount}");
        Console.WriteLine($"read_csv (reference): median {rawS:F2} s = {cases / rawS:N0} rows/s, peak {raw.Max(x => x.PeakMb):F0} MB");
        Console.WriteLine($"oversight ingest:     median {ingS:F2} s = {cases / ingS:N0} rows/s, peak {ingest.Max(x => x.PeakMb):F0} MB");
        Console.WriteLine($"ratio ingest/read_csv throughput: {rawS / ingS:F2}");
        return 0;
    }

    public static int RunRawChild(string[] args)
    {
        var (dir, file) = (args[0], args[1]);
        using var connection = Database.Open(FreshDatabase(dir, "raw.duckdb"));
        var clock = Stopwatch.StartNew();
        connection.Execute($"CREATE TABLE raw_cases AS SELECT * FROM read_csv('{file}', header = true, all_varchar = true)");
        connection.Execute("CHECKPOINT");
        Report(clock.Elapsed.TotalSeconds);
        return 0;
    }

    public static int RunIngestChild(string[] args)
    {
        var (dir, file) = (args[0], args[1]);
        var db = FreshDatabase(dir, "ingest.duckdb");
        var inbox = Path.Combine(dir, "inbox");
        if (Directory.Exists(inbox)) Directory.Delete(inbox, true);
        Directory.CreateDirectory(inbox);
        KeyFile.EnsureExists(db);
        using var connection = Database.OpenAndMigrate(db);
        var ingestor = new Ingestor(connection, KeyFile.Load(db));
        CaseFileGenerator.WriteReference(inbox);
        ingestor.Run(new IngestOptions(inbox) { SettleSeconds = 0 });
        // Same file, moved in and back rather than copied (a link leading out of the inbox would be set aside unread).
        var inInbox = Path.Combine(inbox, "cases_bench.csv");
        File.Move(file, inInbox);
        var clock = Stopwatch.StartNew();
        IngestReport report;
        try
        {
            report = ingestor.Run(new IngestOptions(inbox) { SettleSeconds = 0 });
            connection.Execute("CHECKPOINT");
        }
        finally
        {
            File.Move(File.Exists(inInbox) ? inInbox : Path.Combine(inbox, "archive", "cases_bench.csv"), file);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        if (report.Files.Single().Outcome != Outcomes.Loaded) throw new InvalidOperationException(report.Files.Single().Reason);
        Report(seconds);
        return 0;
    }

    private static string FreshDatabase(string dir, string name)
    {
        var db = Path.Combine(dir, name);
        File.Delete(db);
        File.Delete(db + ".wal");
        return db;
    }

    private static (double Seconds, double PeakMb) Child(string mode, string dir, string file)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        var dll = typeof(IngestBench).Assembly.Location;
        if (!Environment.ProcessPath!.EndsWith("Oversight.Bench", StringComparison.Ordinal)) psi.ArgumentList.Add(dll);
        foreach (var a in new[] { mode, dir, file }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{mode} failed: {output}");
        var parts = output.Trim().Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static void Report(double seconds)
    {
        var hwm = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = double.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        Console.WriteLine(FormattableString.Invariant($"{seconds} {kb / 1024}"));
    }

    internal static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    internal static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
