using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Oversight.Warehouse;

namespace Oversight.Jobs;

/// <summary>Builds and runs the generic host around <see cref="NightlyService"/>, holding the writer lock for the
/// service's whole life.</summary>
public static class ServiceHost
{
    public static async Task<int> RunAsync(ServiceSettings settings, bool catchUpOnly, TextWriter log)
    {
        var db = settings.Resolve(settings.Database);
        using var writer = WriterLock.Acquire(db, "oversight serve");
        // A key only for a warehouse that has none and holds nothing hashed; a foreign key is refused at start, not at 2:00.
        Privacy.KeyFile.EnsureExists(db);
        // Plans an older warehouse still holds go to the restricted folder before the upgrade drops them (V090).
        using (var old = Database.Open(db))
            Reports.Inspection.InspectionPlanUpgrade.MoveOut(old, new Reports.Inspection.InspectionPlanStore(settings.Resolve(settings.Restricted)));
        using (var warehouse = Database.OpenAndMigrate(db, settings.County(), plansMovedOut: true)) Privacy.KeyFile.Load(db, warehouse.Connection);
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddLogging(l => l.ClearProviders());
        // Long enough for a file being loaded to finish; each file is one transaction, so a harder stop rolls it back.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(10));
        builder.Services.AddSingleton(new JobRunner(settings, log));
        builder.Services.AddQuartz(q => q.UseDefaultThreadPool(1));
        builder.Services.AddTransient<NightlyJob>();
        builder.Services.AddTransient<MonthlyJob>();
        builder.Services.AddSingleton(sp => new NightlyService(sp.GetRequiredService<JobRunner>(), sp.GetRequiredService<ISchedulerFactory>(),
            sp.GetRequiredService<IHostApplicationLifetime>(), catchUpOnly, log));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NightlyService>());
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<NightlyService>();
        await host.RunAsync();
        // A failure that stopped the service is the command's failure: the caller reports it in Chinese.
        if (service.Failure is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return 0;
    }
}
