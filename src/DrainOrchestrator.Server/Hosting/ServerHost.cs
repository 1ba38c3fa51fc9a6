using System.Net;
using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Audit;
using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Application.Evacuations;
using DrainOrchestrator.Application.Health;
using DrainOrchestrator.Application.Rehearsals;
using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Server.Api;
using DrainOrchestrator.Server.Auth;
using DrainOrchestrator.Server.Dashboard;
using DrainOrchestrator.Server.Events;
using DrainOrchestrator.Server.Health;
using DrainOrchestrator.Server.Jobs;
using DrainOrchestrator.Server.Limits;
using DrainOrchestrator.Server.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DrainOrchestrator.Server.Hosting;

/// <summary>Builds the ASP.NET Core application of the server from opened resources: one registration call per feature.</summary>
internal static class ServerHost
{
    /// <summary>The prefix of our own log categories (the engine's, the application's, the server's).</summary>
    public const string OwnCategories = "DrainOrchestrator";

    public static WebApplication Build(ServeOptions options, IReadOnlyList<ApiToken> tokens, ServerCertificate? certificate,
        NpgsqlDataSource dataSource, string connectionString, ClusterConnection cluster, ILoggerProvider logs, TimeProvider timeProvider)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders().AddProvider(logs)
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter(OwnCategories, options.OwnLogLevel)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.Hosting", LogLevel.Warning)
            .AddFilter("Npgsql", LogLevel.Warning);
        if (!ServeOptions.TryParseListen(options.Listen, out var address, out var port))
        {
            throw new InvalidServeOptionsException([$"--listen: cannot use '{options.Listen}'"]);
        }

        builder.WebHost.UseKestrel(k =>
        {
            // Larger bodies are refused with 413 as they are read (ApiExceptionHandler words it).
            k.Limits.MaxRequestBodySize = options.Limits.MaxRequestBodyBytes;
            void Secure(ListenOptions listen)
            {
                if (certificate is not null)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = certificate.Certificate,
                        ServerCertificateChain = certificate.Chain,
                    });
                }
            }

            // '*' is every address: IPv6's any (which takes IPv4 too) or, on a host without IPv6, IPv4's.
            if (address.Equals(IPAddress.IPv6Any))
            {
                k.ListenAnyIP(port, Secure);
            }
            else
            {
                k.Listen(address, port, Secure);
            }
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout + TimeSpan.FromSeconds(5));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);

        var services = builder.Services;
        services.AddSingleton(options).AddSingleton(options.Engine).AddSingleton(timeProvider).AddSingleton(cluster)
            .AddSingleton(sp => new DrainApplication(dataSource, timeProvider, sp.GetRequiredService<ILoggerFactory>(), cluster))
            .AddSingleton(sp => new WorkflowApplication(dataSource, timeProvider, sp.GetRequiredService<ILoggerFactory>(), cluster))
            .AddSingleton(new ScheduleApplication(dataSource, timeProvider))
            .AddSingleton(new AuditApplication(dataSource, timeProvider))
            .AddSingleton(new ReportApplication(dataSource, timeProvider))
            .AddSingleton(sp => new EvacuationApplication(dataSource, timeProvider, sp.GetRequiredService<ILoggerFactory>()))
            // Its own clocks, whatever the server's clock knob says: the private simulator's model time is its cluster time.
            .AddSingleton(sp => new RehearsalApplication(TimeProvider.System, sp.GetRequiredService<ILoggerFactory>()))
            .AddSingleton(new ReadinessProbe(dataSource, cluster, timeProvider, options.Engine.ViewStaleBound));
        services.AddDrainAuth(options, tokens);
        services.AddDrainApi();
        services.AddDrainJobs(options, connectionString, logs);
        services.AddDrainEvents();
        services.AddDrainUi();
        services.AddDrainMetrics(options);
        services.AddDrainRateLimiting(options.Limits);

        var app = builder.Build();
        app.UseRequestMetrics();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRouteForRequestMetrics();
        app.UseAuthentication();
        app.UseDrainUi();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapDrainDashboard();
        app.MapDrainHealth();
        app.MapDrainMetrics();
        app.MapDrainApi().MapDrainEvents();
        app.MapDrainUi();
        return app;
    }
}
