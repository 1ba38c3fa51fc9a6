using System.Security.Cryptography;
using DrainOrchestrator.Simulator.Admin;
using DrainOrchestrator.Simulator.Admin.Faults;
using DrainOrchestrator.Simulator.Admin.Partition;
using DrainOrchestrator.Simulator.Admin.Requests;
using DrainOrchestrator.Simulator.Api;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.KubeVirt.Time;
using DrainOrchestrator.Simulator.Security.Authentication;
using DrainOrchestrator.Simulator.Security.Authorization;
using DrainOrchestrator.Simulator.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>
/// Starts the simulator: store (on the model clock), seed (and the cluster model, if the seeder brings one), RBAC and
/// the ServiceAccount tokens asked for, certificates, admin token, Kestrel over HTTPS, the kubeconfig, then the model's
/// clock and change pump.
/// </summary>
public static class SimulatorServer
{
    /// <summary>Starts a server and returns once it listens (and the kubeconfig, if asked for, is written).</summary>
    public static async Task<RunningSimulator> StartAsync(SimulatorServerOptions options, ISeeder seeder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(seeder);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        var clock = new ScaledTimeProvider(options.Time, options.Speed);
        var store = new ObjectStore(BuiltInResourceTypes.CreateRegistry(), clock, options.Store with { Seed = options.Seed });
        await seeder.SeedAsync(store, cancellationToken);
        var model = (seeder as ScenarioSeeder)?.Host;
        if (model is not null)
        {
            model.Cluster.AdmissionCacheLag = options.AdmissionCacheLag;
        }

        store.AddWriteHook(new RbacWrites());
        var authorizer = RbacAuthorizer.Attach(store);
        var serviceAccounts = new ServiceAccountTokens(store, options.Time);
        foreach (var registration in options.ServiceAccountTokens)
        {
            await registration.ApplyAsync(serviceAccounts, cancellationToken);
        }

        var faults = new FaultInjector(options.Seed);
        faults.SetRules(options.Faults);
        var counters = new RequestCounters();
        var partition = new ApiPartition(options.Time);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var certificates = ServerCertificates.Generate(options.Time);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Listen(options.Listen, listen => listen.UseHttps(certificates.Serving));
        });
        var app = builder.Build();
        var pipeline = new ApiRequestPipeline(
            new TokenAuthenticator(token, serviceAccounts),
            new KubernetesApi(store, options.Api, options.Time, faults, counters, partition, authorizer, serviceAccounts),
            new AdminApi(faults, counters, store, model, partition, serviceAccounts),
            new Metrics.MetricsEndpoint(model),
            new Metrics.PrometheusQueryEndpoint(model, options.Time));
        app.Run(pipeline.HandleAsync);
        app.Lifetime.ApplicationStopping.Register(partition.Dispose);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        if (options.KubeconfigPath is { } path)
        {
            await Kubeconfig.WriteAsync(path, url, certificates.AuthorityPem, token, cancellationToken);
        }

        model?.Start(options.ModelTick);
        return new RunningSimulator(app, certificates, url, token, store, faults, counters, model, serviceAccounts, authorizer);
    }
}
