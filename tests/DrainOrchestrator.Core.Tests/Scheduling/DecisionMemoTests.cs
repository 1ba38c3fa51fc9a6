using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Scheduling;

/// <summary>
/// <see cref="DecisionMemo"/>: a caller that hands the same memo to every decision gets the decisions it would get
/// without one, over random drains with failures, back-offs, retries and give-ups, plan revisions (a derived index
/// keeps the memo) and a changed failure policy (which does not).
/// </summary>
public sealed class DecisionMemoTests
{
    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.25)]
    [InlineData(3, 0.4)]
    public void Decide_WithAMemo_DecidesAsWithout(int seed, double failureRate)
    {
        var random = new Random(seed);
        var cluster = RandomCluster.Generate(seed, nodes: 12, vmis: 90, nodeMemoryGiB: 512);
        var drained = new[] { "node-1", "node-2", "node-3" };
        var policy = new DrainPolicy
        {
            MaxParallelMigrations = 3,
            MaxOutboundPerNode = 2,
            NonMigratableAction = NonMigratableAction.Skip,
            Failure = new FailurePolicy { MaxAttempts = 4, PostCopyForbiddenLabels = new Dictionary<string, string>() },
        };
        var world = new SimulatedWorld(cluster, drained, random, failureRate);
        var plan = DrainPlanner.Plan(cluster, drained, policy);
        var memo = new DecisionMemo();
        var now = SchedulerFixture.T0;
        var (decisions, kept) = (0, 0);
        VmiSnapshot?[]? planned = null;
        ClusterSnapshot? previous = null;

        for (var step = 0; step < 10_000; step++)
        {
            var snapshot = world.Snapshot();
            planned = PlannedVmis(plan, snapshot, previous, planned);
            previous = snapshot;
            if (step % 7 == 3)
            {
                // A revision: some items predicted again (the same VMIs and dispositions, so the index derives).
                plan = plan with
                {
                    Items = [.. plan.Items.Select(i => i.Disposition == PlanDisposition.Migrate && random.Next(5) == 0
                        ? i with { Estimate = i.Estimate with { Duration = TimeSpan.FromSeconds(random.Next(1, 400)) } }
                        : i)],
                };
            }

            if (step == 40)
            {
                policy = policy with { Failure = policy.Failure with { MaxAttempts = 5 } };
            }

            var state = new SchedulerState(SchedulerFixture.DrainId, snapshot, plan, [.. world.Attempts], policy) { PlannedVmis = planned };
            var without = DrainScheduler.Decide(state, now);
            var with = DrainScheduler.Decide(state with { Memo = memo }, now);
            Assert.Equal(SchedulerFixture.Describe(without), SchedulerFixture.Describe(with));
            decisions++;
            kept += memo.LastKept;
            foreach (var start in without.Actions.OfType<StartMigration>())
            {
                world.Start(start, now);
            }

            if (without.IsComplete)
            {
                break;
            }

            now = world.AdvanceTo(without.WakeAt, now);
        }

        Assert.True(decisions > 10, $"only {decisions} decisions");
        Assert.True(kept > decisions * 10, $"the memo kept only {kept} item states over {decisions} decisions");
    }

    // The plan's VMIs as the snapshot lists them, keeping the instance of the last list where the world did not replace
    // the VMI (as the engine's view keeps an unchanged VMI's snapshot).
    private static VmiSnapshot?[] PlannedVmis(DrainPlan plan, ClusterSnapshot snapshot, ClusterSnapshot? previous, VmiSnapshot?[]? last)
    {
        var byUid = snapshot.Vmis.GroupBy(v => v.Uid).ToDictionary(g => g.Key, g => g.Last());
        var before = previous?.Vmis.GroupBy(v => v.Uid).ToDictionary(g => g.Key, g => g.Last());
        var result = new VmiSnapshot?[plan.Items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var now = byUid.GetValueOrDefault(plan.Items[i].Vmi.Uid);
            result[i] = last is not null && before is not null && now is not null && before.GetValueOrDefault(now.Uid) is { } was && was.Equals(now)
                ? last[i]
                : now;
        }

        return result;
    }
}
