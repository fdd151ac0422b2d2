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
        using var connection = Database.OpenAndMigrate(db, settings.County());
        var runId = JobHistory.Start(connection, job, scheduledFor, trigger);
        log.WriteLine($"{DateTime.Now:yyyy-MM-dd HH:mm:ss} 开始{Name(job)}（第 {runId} 次，计划时间 {scheduledFor:yyyy-MM-dd HH:mm}，{(trigger == "catch-up" ? "补做错过的任务" : "按计划")}）");
        try
        {
            object counts = job == JobHistory.Nightly
                ? NightlyWork.Run(connection, settings, KeyFile.Load(db, connection), DateTime.Now, log, ct)
                : MonthlyWork.Run(connection, settings, KeyFile.Load(db, connection), scheduledFor, log);
            var outcome = ct.IsCancellationRequested ? "cancelled" : "succeeded";
            JobHistory.Finish(connection, runId, outcome, counts, null);
            log.WriteLine($"{DateTime.Now:yyyy-MM-dd HH:mm:ss} {Name(job)}{(outcome == "succeeded" ? "完成" : "已按停止要求中止，下次启动时补做")}");
            return outcome;
        }
        catch (OperationCanceledException)
        {
            JobHistory.Finish(connection, runId, "cancelled", null, "服务停止，任务中止；已完成的文件已提交，其余下次启动时补做");
            log.WriteLine($"{DateTime.Now:yyyy-MM-dd HH:mm:ss} {Name(job)}已按停止要求中止");
            return "cancelled";
        }
        catch (Exception ex)
        {
            JobHistory.Finish(connection, runId, "failed", null, ex.Message);
            log.WriteLine($"{DateTime.Now:yyyy-MM-dd HH:mm:ss} {Name(job)}失败：{ex.Message}");
            return "failed";
        }
    }

    public static string Name(string job) => job == JobHistory.Nightly ? "夜间任务" : "月初报告任务";
}
