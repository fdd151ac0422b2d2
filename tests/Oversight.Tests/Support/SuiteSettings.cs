using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Oversight.Tests;

/// <summary>How the suite runs the product: xunit runs two test classes at once on the two cores CI has, so each
/// warehouse connection, in this process and in every CLI child (which inherits the variable), uses one DuckDB thread
/// instead of all cores. On this data a second thread bought no wall time and cost about a fifth more CPU. The results
/// do not depend on it: the golden numbers of the October 2026 通报 were taken with DuckDB's default threads. Set
/// OVERSIGHT_THREADS before `dotnet test` to run the suite with another count.</summary>
internal static class SuiteSettings
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The suite's process-wide setting, before any test opens a warehouse.")]
    internal static void OneDuckDbThreadPerConnection()
    {
        if (Environment.GetEnvironmentVariable("OVERSIGHT_THREADS") is null)
            Environment.SetEnvironmentVariable("OVERSIGHT_THREADS", "1");
    }
}
