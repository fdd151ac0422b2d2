namespace Oversight;

// The benchmarks (src/Oversight.Bench).
public static partial class Messages
{
    public const string BenchUsage = """
        用法：dotnet run -c Release --project src/Oversight.Bench -- ingest --cases N [--runs 3] [--dir DIR]
              dotnet run -c Release --project src/Oversight.Bench -- report --scale demo|province [--centers 3000] [--cases 10000000] [--months 36] [--runs N] [--dir DIR]
              dotnet run -c Release --project src/Oversight.Bench -- train [--windows 18000] [--months 36] [--runs 3]
        """;
}
