using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Engine.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>Launches and runs drains against a <see cref="FakeCluster"/> and a real database, stepping the cluster.</summary>
internal sealed class DrainHarness(NpgsqlDataSource dataSource, FakeCluster cluster)
{
    public string Cluster { get; } = "cluster-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The engine options of a run by <c>holder</c>; <see cref="Options"/> unless a test needs others.</summary>
    public Func<string, DrainEngineOptions> OptionsFor { get; init; } = Options;

    public ILogger<DrainRunner> Logger { get; init; } = NullLogger<DrainRunner>.Instance;

    /// <summary>How long <see cref="RunAsync"/> lets a run go before failing the test.</summary>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The engine's clock (a manual one when a test moves time by hand).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static DrainPolicy FastPolicy(string nonMigratable = "block") => new()
    {
        MaxParallelMigrations = 5,
        MaxOutboundPerNode = 2,
        MaxInboundPerNode = 2,
        NonMigratableAction = Enum.Parse<NonMigratableAction>(nonMigratable, ignoreCase: true),
        Failure = new FailurePolicy { InitialBackoff = TimeSpan.Zero, MaxBackoff = TimeSpan.Zero },
    };

    public static DrainEngineOptions Options(string holder) => new()
    {
        Holder = holder,
        LeaseDuration = TimeSpan.FromSeconds(2),
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        StuckTimeout = TimeSpan.FromSeconds(5),
    };

    public async Task<Guid> LaunchAsync(DrainPolicy policy, params string[] nodes)
    {
        var starter = new DrainStarter(dataSource, cluster, Time);
        var (drain, _) = await starter.StartAsync(Cluster, new DrainSpec(nodes, policy), new Caller("test", "test"), FrontDoor.Api,
            CancellationToken.None);
        return drain.Id;
    }

    public DrainRunner Runner(string holder = "engine-a") =>
        new(dataSource, cluster, cluster, OptionsFor(holder), Time, Logger);

    /// <summary>Runs the drain while stepping the cluster, until the run returns (bounded, so a bug fails instead of hanging).</summary>
    public async Task<DrainResult> RunAsync(Guid drainId, string holder = "engine-a", Func<Task>? betweenSteps = null,
        IProgress<DrainProgress>? progress = null)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);
        return await DriveAsync(Runner(holder).RunAsync(drainId, progress, timeout.Token), betweenSteps, timeout.Token);
    }

    /// <summary>Steps the cluster under a run already started (its VMIMs wait until then) until the run returns.</summary>
    public async Task<DrainResult> DriveAsync(Task<DrainResult> run, Func<Task>? betweenSteps, CancellationToken cancellationToken)
    {
        while (!run.IsCompleted)
        {
            cluster.Step();
            if (betweenSteps is not null)
            {
                await betweenSteps();
            }

            await Task.WhenAny(run, Task.Delay(10, cancellationToken));
        }

        return await run;
    }
}
