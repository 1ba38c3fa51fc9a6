using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// <see cref="SchedulerState.PlannedVmis"/> spares a decision reading every VMI of the cluster: given the plan's VMIs as
/// the cluster lists them, every decision of a random drain is the one made by reading the cluster's VMIs.
/// </summary>
public sealed class PlannedVmisTests
{
    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.25)]
    [InlineData(3, 0.25)]
    public void Decide_WithPlannedVmis_DecidesAsWhenReadingTheClustersVmis(int seed, double failureRate)
    {
        var random = new Random(seed);
        var cluster = RandomCluster.Generate(seed, nodes: 12, vmis: 90, nodeMemoryGiB: 512);
        var drained = new[] { "node-1", "node-2", "node-3" };
        var policy = new DrainPolicy
        {
            MaxParallelMigrations = 3,
            MaxOutboundPerNode = 2,
            NonMigratableAction = NonMigratableAction.Skip,
            Failure = new FailurePolicy { MaxAttempts = 6, PostCopyForbiddenLabels = new Dictionary<string, string>() },
        };
        var world = new SimulatedWorld(cluster, drained, random, failureRate);
        var plan = DrainPlanner.Plan(cluster, drained, policy);
        var now = SchedulerFixture.T0;
        var decisions = 0;

        for (var step = 0; step < 10_000; step++)
        {
            var snapshot = world.Snapshot();
            var reading = DrainScheduler.Decide(new SchedulerState(SchedulerFixture.DrainId, snapshot, plan, world.Attempts, policy), now);
            var given = DrainScheduler.Decide(new SchedulerState(SchedulerFixture.DrainId, snapshot, plan, world.Attempts, policy)
            {
                PlannedVmis = [.. plan.Items.Select(i => snapshot.Vmis.LastOrDefault(v => v.Uid == i.Vmi.Uid))],
            }, now);
            Assert.Equal(SchedulerFixture.Describe(reading), SchedulerFixture.Describe(given));
            decisions++;
            foreach (var start in reading.Actions.OfType<StartMigration>())
            {
                world.Start(start, now);
            }

            if (reading.IsComplete)
            {
                break;
            }

            now = world.AdvanceTo(reading.WakeAt, now);
        }

        Assert.True(decisions > 10, $"only {decisions} decisions");
    }

    [Fact]
    public void Decide_PlannedVmisOfAnotherLength_ReadsTheClustersVmis()
    {
        var cluster = RandomCluster.Generate(4, nodes: 6, vmis: 30, nodeMemoryGiB: 512);
        var policy = new DrainPolicy { NonMigratableAction = NonMigratableAction.Skip };
        var plan = DrainPlanner.Plan(cluster, ["node-1"], policy);
        var reading = DrainScheduler.Decide(new SchedulerState(SchedulerFixture.DrainId, cluster, plan, [], policy), SchedulerFixture.T0);
        var wrong = DrainScheduler.Decide(new SchedulerState(SchedulerFixture.DrainId, cluster, plan, [], policy)
        {
            PlannedVmis = [null],
        }, SchedulerFixture.T0);

        Assert.NotEmpty(reading.Actions);
        Assert.Equal(SchedulerFixture.Describe(reading), SchedulerFixture.Describe(wrong));
    }
}
