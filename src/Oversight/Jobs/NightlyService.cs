using Dapper;
using Microsoft.Extensions.Hosting;
using Oversight.Warehouse;
using Quartz;

namespace Oversight.Jobs;

/// <summary>
/// The long-running service: on start, marks runs cut off by a crash as interrupted and runs each job once if its
/// latest scheduled time was missed (catch-up, once, however many nights were missed); then Quartz fires the jobs on
/// their cron schedules until the host stops. On stop the running job is cancelled between files and waited for.
/// </summary>
public sealed class NightlyService(JobRunner runner, ISchedulerFactory schedulers, IHostApplicationLifetime lifetime, bool catchUpOnly, TextWriter log)
    : BackgroundService
{
    private IScheduler? _scheduler;

    /// <summary>Why the service stopped on its own, if it did (e.g. the warehouse cannot be opened).</summary>
    public Exception? Failure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failure = ex;
            lifetime.StopApplication();
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = runner.Settings;
        // ServiceHost has upgraded the warehouse, moving an older one's inspection plans out first.
        using (var warehouse = Database.OpenAndMigrate(settings.Resolve(settings.Database), settings.County()))
        {
            var interrupted = JobHistory.MarkInterrupted(warehouse.Connection);
            if (interrupted > 0) log.WriteLine(Messages.InterruptedRunsFound(interrupted));
        }

        foreach (var (job, cron) in new[] { (JobHistory.Nightly, settings.NightlyCron), (JobHistory.Monthly, settings.MonthlyCron) })
        {
            if (stoppingToken.IsCancellationRequested) break;
            DateTime? due;
            using (var warehouse = Database.OpenAndMigrate(settings.Resolve(settings.Database), settings.County()))
                due = CatchUp.Due(cron, JobHistory.LastCovered(warehouse.Connection, job), DateTime.Now);
            if (due is { } fire) await runner.RunAsync(job, fire, "catch-up", stoppingToken);
        }

        if (catchUpOnly || stoppingToken.IsCancellationRequested)
        {
            lifetime.StopApplication();
            return;
        }

        _scheduler = await schedulers.GetScheduler(stoppingToken);
        await Schedule<NightlyJob>(JobHistory.Nightly, settings.NightlyCron, stoppingToken);
        await Schedule<MonthlyJob>(JobHistory.Monthly, settings.MonthlyCron, stoppingToken);
        await _scheduler.Start(stoppingToken);
        log.WriteLine(Messages.ServiceStarted(settings.NightlyCron, settings.MonthlyCron));
        try { await Task.Delay(Timeout.Infinite, stoppingToken); }
        catch (OperationCanceledException) { }
    }

    private async Task Schedule<TJob>(string name, string cron, CancellationToken ct) where TJob : IJob
    {
        var job = JobBuilder.Create<TJob>().WithIdentity(name).Build();
        // A fire missed while busy is not made up by Quartz: the next start's catch-up covers downtime.
        var trigger = TriggerBuilder.Create().WithIdentity(name)
            .WithCronSchedule(cron, x => x.InTimeZone(TimeZoneInfo.Local).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).Build();
        await _scheduler!.ScheduleJob(job, trigger, cancellationToken: ct);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (runner.IsBusy) log.WriteLine(Messages.ServiceStopping);
        if (_scheduler is not null) await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        await base.StopAsync(cancellationToken);
        log.WriteLine(Messages.ServiceStopped);
    }
}
