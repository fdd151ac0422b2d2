using System.Text.Json;
using Oversight.Assessment;
using Oversight.Demo;
using Oversight.Ingest;
using Oversight.Reports;
using Oversight.Reports.Annual;

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

    /// <summary>When the shared draft assessments say they were made, and the key their samples are drawn with.</summary>
    public static readonly DateTime AssessedAt = new(2026, 11, 25, 9, 0, 0);

    /// <summary>A draft assessment of the demo as built (a draft records nothing), for the classes that only read it: built
    /// once per run, on a copy of its own, instead of once in every class that prints or checks it.</summary>
    public static (AnnualAssessmentReport Report, AssessmentResult Result) Assessment(string rulesFile, AssessmentPeriod period) =>
        SharedDrafts.Get($"{rulesFile} {period}", () =>
        {
            var templates = new TemplateFolder();
            lock (SharedCopy) // one connection: one build at a time
                return AnnualAssessmentBuilder.Build(SharedCopy.Value.Connection, period, ScoringRules.Load(templates.PathOf(Path.Combine("annual", rulesFile))),
                    ReportSettings.Load(templates), AssessedAt, new byte[32]);
        });

    private static readonly Once SharedDrafts = new();

    private static readonly Lazy<TestWarehouse> SharedCopy = new(() =>
    {
        var copy = new TestWarehouse(Built.Value.Warehouse.DbPath);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => copy.Dispose();
        return copy;
    });
}
