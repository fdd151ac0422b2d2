using Quartz;

namespace Oversight.Jobs;

/// <summary>The Quartz jobs: each hands its fire time to the shared <see cref="JobRunner"/>, which serialises them.</summary>
[DisallowConcurrentExecution]
public sealed class NightlyJob(JobRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await runner.RunAsync(JobHistory.Nightly, (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).LocalDateTime, "schedule", cancellationToken);
    }
}

[DisallowConcurrentExecution]
public sealed class MonthlyJob(JobRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await runner.RunAsync(JobHistory.Monthly, (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).LocalDateTime, "schedule", cancellationToken);
    }
}
