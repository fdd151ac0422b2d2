using Oversight.Bench;

// Benchmarks, run in Release: see README.md beside this file.
var command = args.FirstOrDefault();
return command switch
{
    "ingest" => IngestBench.Run(args[1..]),
    "report" => ReportBench.Run(args[1..]),
    "train" => TrainBench.Run(args[1..]),
    IngestBench.RawChild => IngestBench.RunRawChild(args[1..]),
    IngestBench.IngestChild => IngestBench.RunIngestChild(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("用法：dotnet run -c Release --project src/Oversight.Bench -- ingest --cases N [--runs 3] [--dir DIR]");
    Console.Error.WriteLine("      dotnet run -c Release --project src/Oversight.Bench -- report --scale demo|province [--centers 3000] [--cases 10000000] [--months 36] [--runs N] [--dir DIR]");
    Console.Error.WriteLine("      dotnet run -c Release --project src/Oversight.Bench -- train [--windows 18000] [--months 36] [--runs 3]");
    return 1;
}
