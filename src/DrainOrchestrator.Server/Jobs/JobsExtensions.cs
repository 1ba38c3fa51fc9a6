using DrainOrchestrator.Engine;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>Registers Hangfire on PostgreSQL (schema <c>hangfire</c> of the same database), the drain jobs and the supervisor.</summary>
internal static class JobsExtensions
{
    public static IServiceCollection AddDrainJobs(this IServiceCollection services, ServeOptions options, string connectionString)
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
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
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
            sp.GetRequiredService<RunningDrains>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DrainJob>>()));
        services.AddHostedService<DrainSupervisor>();
        return services;
    }

    public static WebApplication MapDrainDashboard(this WebApplication app)
    {
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
