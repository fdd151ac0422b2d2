using Oversight.Ingest;
using Oversight.Privacy;
using Oversight.Warehouse;

namespace Oversight.Cli;

/// <summary>Opens the warehouse (migrating it), ingests an inbox with progress, and prints the summary:
/// shared by <c>ingest</c> and <c>demo</c>, which load through the same path.</summary>
public static class IngestRun
{
    public static IngestReport Run(string db, Configuration.CountyFolder county, IngestOptions options, CancellationToken ct)
    {
        using var writer = WriterLock.Acquire(db, "oversight ingest");
        using var warehouse = Database.OpenAndMigrate(db, county);
        var key = KeyFile.Load(db, warehouse.Connection);
        var report = Progress.Run(Messages.Ingesting, p => Jobs.CountyJobs.Ingest(warehouse, key, options, p, ct));
        IngestSummary.Print(report);
        return report;
    }
}
