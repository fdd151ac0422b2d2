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
    Console.Error.WriteLine(Oversight.Messages.BenchUsage);
    return 1;
}
