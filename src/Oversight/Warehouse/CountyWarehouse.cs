using DuckDB.NET.Data;

namespace Oversight.Warehouse;

/// <summary>An open county warehouse: its connection and the county folder it was opened with (the CLI's --config, the
/// service's "config", else beside the database), as <see cref="Database.OpenAndMigrate(string, Configuration.CountyFolder?, bool)"/>
/// makes it. What reads the county's seeds or records the settings in force is given the folder from here. A connection
/// opened otherwise (a test's) has none: <see cref="County"/> null.</summary>
public sealed record CountyWarehouse(DuckDBConnection Connection, Configuration.CountyFolder? County) : IDisposable
{
    public void Dispose() => Connection.Dispose();
}
