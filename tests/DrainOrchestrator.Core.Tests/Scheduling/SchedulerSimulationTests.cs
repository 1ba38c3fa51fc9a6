using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// Property checks: a tiny deterministic discrete-event loop drives the scheduler over random clusters, random
/// durations, random failures and foreign VMIMs, and checks the invariants after every decision.
/// </summary>
public sealed class SchedulerSimulationTests
{
    public static TheoryData<int, WaveMode, double> Seeds()
    {
        var data = new TheoryData<int, WaveMode, double>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed, seed % 2 == 0 ? WaveMode.Rolling : WaveMode.Barrier, seed % 4 < 2 ? 0.0 : 0.25);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Decide_RandomDrains_LimitsHoldAndEveryMigratableVmiMoves(int seed, WaveMode mode, double failureRate)
    {
        var random = new Random(seed);
        var cluster = RandomCluster.Generate(seed, nodes: 12, vmis: 90, nodeMemoryGiB: 512);
        var drained = new[] { "node-1", "node-2", "node-3" };
        var policy = new DrainPolicy
        {
            WaveMode = mode,
            MaxParallelMigrations = 1 + random.Next(5),
            MaxOutboundPerNode = 1 + random.Next(2),
            MaxInboundPerNode = 1 + random.Next(3),
            NonMigratableAction = NonMigratableAction.Skip,
            Failure = new FailurePolicy { MaxAttempts = 6, PostCopyForbiddenLabels = new Dictionary<string, string>() },
        };
        var world = new SimulatedWorld(cluster, drained, random, failureRate);
        var plan = DrainPlanner.Plan(cluster, drained, policy);
        var now = SchedulerFixture.T0;

        for (var step = 0; step < 10_000; step++)
        {
            var state = new SchedulerState(SchedulerFixture.DrainId, world.Snapshot(), plan, world.Attempts, policy);
            var decision = DrainScheduler.Decide(state, now);
            var started = decision.Actions.OfType<StartMigration>().ToList();
            foreach (var start in started)
            {
                Assert.DoesNotContain(start.TargetNode, drained);
                Assert.NotEqual(start.SourceNode, start.TargetNode);
                world.Start(start, now);
            }

            world.AssertLimits(policy, started);
            if (decision.IsComplete)
            {
                break;
            }

            Assert.False(decision.IsStuck, $"stuck at step {step} with {decision.Remaining} remaining");
            now = world.AdvanceTo(decision.WakeAt, now);
        }

        var migratable = plan.Items.Where(i => i.Disposition == PlanDisposition.Migrate).Select(i => i.Vmi.Uid).ToHashSet();
        var final = DrainScheduler.Decide(new SchedulerState(SchedulerFixture.DrainId, world.Snapshot(), plan, world.Attempts, policy), now);
        Assert.True(final.IsComplete);
        Assert.Equal(migratable.Count, final.Moved + final.GivenUp.Count);
        if (failureRate == 0)
        {
            Assert.Empty(final.GivenUp);
            Assert.All(world.Snapshot().Vmis.Where(v => migratable.Contains(v.Uid)), v => Assert.DoesNotContain(v.NodeName, drained));
        }

        Assert.Equal(world.Attempts.Count, world.Attempts.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void Decide_SameStateTwice_SameActions()
    {
        var cluster = RandomCluster.Generate(7, 20, 200);
        var policy = new DrainPolicy { NonMigratableAction = NonMigratableAction.Skip };
        var plan = DrainPlanner.Plan(cluster, ["node-1", "node-2"], policy);
        var state = new SchedulerState("d", cluster, plan, [], policy);

        Assert.Equal(DrainScheduler.Decide(state, SchedulerFixture.T0).Actions, DrainScheduler.Decide(state, SchedulerFixture.T0).Actions);
    }
}
