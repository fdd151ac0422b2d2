using Oversight.Privacy;
using Oversight.Warehouse;

namespace Oversight.Jobs;

/// <summary>Runs one job at a time against the warehouse (jobs never overlap, whichever trigger fires), recording
/// each run in job_run. The warehouse is opened for the run and closed after it, so readers can open it read-only
/// between runs.</summary>
public sealed class JobRunner(ServiceSettings settings, TextWriter log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public ServiceSettings Settings => settings;

    /// <summary>A job is running now.</summary>
    public bool IsBusy => _gate.CurrentCount == 0;

    public async Task<string> RunAsync(string job, DateTime scheduledFor, string trigger, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await Task.Run(() => Run(job, scheduledFor, trigger, ct), CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
    }

    private string Run(string job, DateTime scheduledFor, string trigger, CancellationToken ct)
    {
        var db = settings.Resolve(settings.Database);
        using var warehouse = Database.OpenAndMigrate(db, settings.County());
        var connection = warehouse.Connection;
        var runId = JobHistory.Start(connection, job, scheduledFor, trigger);
        Log(Messages.JobStarting(Name(job), runId, scheduledFor, catchUp: trigger == "catch-up"));
        try
        {
            object counts = job == JobHistory.Nightly
                ? NightlyWork.Run(warehouse, settings, KeyFile.Load(db, connection), DateTime.Now, log, ct)
                : MonthlyWork.Run(warehouse, settings, KeyFile.Load(db, connection), scheduledFor, log);
            var outcome = ct.IsCancellationRequested ? "cancelled" : "succeeded";
            JobHistory.Finish(connection, runId, outcome, counts, null);
            Log(outcome == "succeeded" ? Messages.JobDone(Name(job)) : Messages.JobStoppedToRedo(Name(job)));
            return outcome;
        }
        catch (OperationCanceledException)
        {
            JobHistory.Finish(connection, runId, "cancelled", null, Messages.JobCancelledReason);
            Log(Messages.JobStopped(Name(job)));
            return "cancelled";
        }
        catch (Exception ex)
        {
            JobHistory.Finish(connection, runId, "failed", null, ex.Message);
            Log(Messages.JobFailedBecause(Name(job), ex.Message));
            return "failed";
        }
    }

    private void Log(string line) => log.WriteLine($"{DateTime.Now:yyyy-MM-dd HH:mm:ss} {line}");

    public static string Name(string job) => job == JobHistory.Nightly ? Messages.NightlyJobName : Messages.MonthlyJobName;
}
