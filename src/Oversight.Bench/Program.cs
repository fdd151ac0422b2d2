Console.WriteLine("usage: dotnet run -c Release --project src/Oversight.Bench -- <ingest|marts|train> [options]");
return 1;
