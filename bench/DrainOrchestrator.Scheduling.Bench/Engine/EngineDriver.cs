using System.Diagnostics;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine;
using DrainOrchestrator.Engine.Policy;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Scheduling.Bench.Runs;
using DrainOrchestrator.Simulator.Cluster;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DrainOrchestrator.Scheduling.Bench.Engine;

/// <summary>
/// Drains one batch with the production engine: a drain row in PostgreSQL, then <see cref="DrainRunner"/> (validate,
/// lock, cordon, plan, the migrate loop with Core, verify, finish) against the simulated cluster through the engine's
/// own interfaces (<see cref="ModelView"/>, <see cref="ModelActions"/>), on a clock that is the cluster's model time
/// (<see cref="ModelClock"/>). Model time moves only while the engine is idle, to the next cluster event or the
/// engine's wake-up time, whichever is first; database round trips and the engine's own work take no model time.
/// </summary>
internal sealed class EngineDriver(SimulatedCluster cluster, EngineSession session, NpgsqlDataSource dataSource, DrainPolicy policy)
{
    // Liveness settings that only guard against other processes and outages: long, so that their timers do not add
    // passes the schedule never asked for (the migrate loop wakes at least once per heartbeat).
    private static readonly DrainEngineOptions Options = new()
    {
        Holder = "scheduling-bench",
        LeaseDuration = TimeSpan.FromHours(1),
        HeartbeatInterval = TimeSpan.FromMinutes(10),
    };

    // How long the engine may stay busy (wall clock) before the harness says what it waits for.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Drains <paramref name="nodes"/>; <paramref name="laterNodes"/> (the later batches of a rolling drain) are the drain's
    /// targets to avoid, as a rolling-upgrade workflow records them.
    /// </summary>
    public async Task<BatchOutcome> DrainAsync(string drainName, IReadOnlyList<string> nodes, IReadOnlySet<string> laterNodes,
        DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var started = cluster.Now;
        var wall = Stopwatch.StartNew();
        var toMove = Remaining(nodes);
        var id = Guid.NewGuid();
        await new DrainStore(dataSource, TimeProvider.System).CreateAsync(
            new NewDrain(id, drainName, "scheduling-bench", nodes, PolicyDocument.Write(policy), "scheduling-bench")
            {
                AvoidTargets = [.. laterNodes.Order(StringComparer.Ordinal)],
            }, cancellationToken);
        var runner = new DrainRunner(dataSource, session.View, session.Actions, Options, session.Clock, NullLogger<DrainRunner>.Instance);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = runner.RunAsync(id, null, stopping.Token);
        var stuck = false;
        var passes = 0;
        while (true)
        {
            var (idle, wakeAt) = await session.View.WhenIdleAsync(run, Patience, cancellationToken);
            if (!idle)
            {
                break;
            }

            passes++;
            var next = Earliest(cluster.NextEventTime, wakeAt ?? session.Clock.NextDue);
            if (next is null || next > deadline)
            {
                cluster.AdvanceTo(next is null ? cluster.Now : deadline);
                stuck = true;
                break;
            }

            cluster.AdvanceTo(next.Value);
            session.Clock.FireDue();
            session.View.WakeDue();
        }

        var finished = cluster.Now;
        DrainResult? result = null;
        if (stuck)
        {
            await stopping.CancelAsync();
        }

        try
        {
            result = await run;
        }
        catch (OperationCanceledException) when (stuck)
        {
            // Stopped by the harness: the run could not finish.
        }

        var succeeded = result?.State == DrainRunState.Succeeded;
        return new BatchOutcome(nodes, started, finished, toMove, Remaining(nodes), stuck || !succeeded, passes, wall.Elapsed.TotalSeconds);
    }

    private int Remaining(IReadOnlyList<string> nodes)
    {
        var drained = nodes.ToHashSet(StringComparer.Ordinal);
        return cluster.GetVmis().Count(v => v.NodeName is { } n && drained.Contains(n) && v.LiveMigratable);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
