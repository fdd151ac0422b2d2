using System.Text.Json;
using Oversight.Demo;
using Oversight.Ingest;

namespace Oversight.Tests.Demo;

/// <summary>The full demo county, generated, loaded and given its year of 整改 ledger once per test run, as `oversight
/// demo` does; each test class that reads it gets a copy of its own (a file copy, not a rebuild), so the classes run in
/// parallel and none sees another's writes (文号 taken, scores saved, plans issued).</summary>
public sealed class DemoCountyFixture : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    public TestWarehouse Warehouse { get; }
    public DemoSummary Summary { get; }
    public IngestReport Report { get; }
    public JsonElement Truth { get; }
    /// <summary>Rectification items the demo's ledger assigned, as `oversight demo` builds it.</summary>
    public int LedgerItems { get; }

    public DemoCountyFixture()
    {
        var built = Built.Value;
        Warehouse = new TestWarehouse(built.Warehouse.DbPath);
        var truthPath = Path.Combine(Warehouse.Root, "truth", "planted.json");
        Directory.CreateDirectory(Path.GetDirectoryName(truthPath)!);
        File.Copy(built.Summary.TruthPath, truthPath);
        Summary = built.Summary with { TruthPath = truthPath };
        Report = built.Report;
        Truth = built.Truth;
        LedgerItems = built.LedgerItems;
    }

    public void Dispose() => Warehouse.Dispose();

    private sealed record Build(TestWarehouse Warehouse, DemoSummary Summary, IngestReport Report, JsonElement Truth, int LedgerItems);

    /// <summary>Built by the first class that asks (the others wait for it), closed, and removed when the run ends.</summary>
    private static readonly Lazy<Build> Built = new(() =>
    {
        var warehouse = new TestWarehouse();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => warehouse.Dispose();
        var truthPath = Path.Combine(warehouse.Root, "truth", "planted.json");
        var summary = DemoCounty.WriteFeeds(warehouse.Inbox, new DemoOptions { Seed = 7, Today = Today, TruthPath = truthPath });
        var report = warehouse.Ingest();
        var truth = JsonDocument.Parse(File.ReadAllText(truthPath)).RootElement;
        var ledgerItems = DemoRectification.Build(warehouse.Connection, 7, Today);
        warehouse.Close();
        return new Build(warehouse, summary, report, truth, ledgerItems);
    });
}
