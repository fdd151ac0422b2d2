using System.Text.Json;
using Oversight.Demo;
using Oversight.Ingest;

namespace Oversight.Tests.Demo;

/// <summary>The full demo county, generated, loaded and given its year of 整改 ledger once, as `oversight demo` does,
/// for the tests that read it.</summary>
public sealed class DemoCountyFixture : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    public TestWarehouse Warehouse { get; } = new();
    public DemoSummary Summary { get; }
    public IngestReport Report { get; }
    public JsonElement Truth { get; }
    /// <summary>Rectification items the demo's ledger assigned, as `oversight demo` builds it.</summary>
    public int LedgerItems { get; }

    public DemoCountyFixture()
    {
        var truthPath = Path.Combine(Warehouse.Root, "truth", "planted.json");
        Summary = DemoCounty.WriteFeeds(Warehouse.Inbox, new DemoOptions { Seed = 7, Today = Today, TruthPath = truthPath });
        Report = Warehouse.Ingest();
        Truth = JsonDocument.Parse(File.ReadAllText(truthPath)).RootElement;
        LedgerItems = DemoRectification.Build(Warehouse.Connection, 7, Today);
    }

    public void Dispose() => Warehouse.Dispose();
}
