using DrainOrchestrator.Engine;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// Registers Hangfire on PostgreSQL (schema <c>hangfire</c> of the same database), the drain and workflow jobs, their
/// supervisors, and the schedule ticker.
/// </summary>
internal static class JobsExtensions
{
    public static IServiceCollection AddDrainJobs(this IServiceCollection services, ServeOptions options, string connectionString,
        ILoggerProvider logs)
    {
        var storage = new PostgreSqlStorageOptions
        {
            SchemaName = ServerConstants.HangfireSchema,
            PrepareSchemaIfNecessary = true,
            // Renewed in the background while a job runs, so a drain of hours is never handed to a second worker; a
            // dead replica's job becomes visible again this long after its last renewal.
            InvisibilityTimeout = options.JobInvisibilityTimeout,
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        // Hangfire keeps its log provider in a process-wide static, and caches filters (AutomaticRetry) that hold
        // loggers from it. The host's logger factory is disposed with the host, after which a second server of the
        // same process (the tests run several) failed to enqueue: give Hangfire a factory that outlives the host.
        var hangfireLogs = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new AspNetCoreLogProvider(hangfireLogs))
            .UsePostgreSqlStorage(b => b.UseNpgsqlConnection(connectionString), storage));
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = options.Workers;
            o.ShutdownTimeout = options.ShutdownTimeout;
            o.ServerName = options.Engine.Holder;
        });
        services.AddSingleton<RunningDrains>();
        services.AddSingleton<DrainJobs>();
        services.AddTransient(sp => new DrainJob(
            sp.GetRequiredService<Application.DrainApplication>(), sp.GetRequiredService<DrainEngineOptions>(),
            sp.GetRequiredService<RunningDrains>(), sp.GetRequiredService<ILogger<DrainJob>>()));
        services.AddSingleton(new WallClock(TimeProvider.System));
        services.AddHostedService<DrainSupervisor>();
        services.AddHttpClient(WorkflowJob.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<RunningWorkflows>();
        services.AddSingleton<WorkflowJobs>();
        services.AddTransient(sp => new WorkflowJob(
            sp.GetRequiredService<Application.Workflows.WorkflowApplication>(), sp.GetRequiredService<DrainEngineOptions>(),
            sp.GetRequiredService<RunningWorkflows>(), sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<ILogger<WorkflowJob>>()));
        services.AddHostedService<WorkflowSupervisor>();
        services.AddSingleton<RehearsalJobs>();
        services.AddTransient(sp => new RehearsalJob(
            sp.GetRequiredService<Application.Rehearsals.RehearsalApplication>(), sp.GetRequiredService<ILogger<RehearsalJob>>()));
        services.AddSingleton<EvacuationJobs>();
        services.AddTransient(sp => new EvacuationJob(
            sp.GetRequiredService<Application.Evacuations.EvacuationApplication>(), sp.GetRequiredService<Application.Clusters.ClusterConnection>().Target,
            sp.GetRequiredService<DrainEngineOptions>(), sp.GetRequiredService<ILogger<EvacuationJob>>()));
        services.AddHostedService<ScheduleTicker>();
        return services;
    }

    public static WebApplication MapDrainDashboard(this WebApplication app)
    {
        app.Use(DashboardAccess.InvokeAsync);
        app.UseHangfireDashboard(ServerConstants.DashboardPath, new DashboardOptions
        {
            Authorization = [new DashboardAuthorization()],
            IsReadOnlyFunc = DashboardAuthorization.IsReadOnly,
            DisplayStorageConnectionString = false,
            AppPath = null,
        });
        return app;
    }
}
