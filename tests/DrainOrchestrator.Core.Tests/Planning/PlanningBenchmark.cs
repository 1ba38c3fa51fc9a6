using System.Diagnostics;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Tests.Fixtures;
using Xunit.Abstractions;

namespace DrainOrchestrator.Core.Tests.Planning;

/// <summary>
/// Planning at scale, run by hand: <c>CORE_BENCH=1 dotnet test tests/DrainOrchestrator.Core.Tests --filter
/// PlanningBenchmark --logger "console;verbosity=detailed"</c>. Without CORE_BENCH it runs a small smoke size.
/// </summary>
public sealed class PlanningBenchmark(ITestOutputHelper output)
{
    [Theory]
    [InlineData(500)]
    [InlineData(2500)]
    public void Plan_5000Nodes100000Vmis_MeasuresTime(int drainedNodes)
    {
        var full = Environment.GetEnvironmentVariable("CORE_BENCH") == "1";
        var (nodes, vmis, drained) = full ? (5000, 100_000, drainedNodes) : (200, 4000, drainedNodes / 25);
        var cluster = RandomCluster.Generate(42, nodes, vmis);
        var names = Enumerable.Range(0, drained).Select(i => "node-" + (i * (nodes / drained))).ToList();
        var policy = new DrainPolicy { NonMigratableAction = NonMigratableAction.Skip };
        var runs = full ? 5 : 1;
        var watch = new Stopwatch();
        var best = TimeSpan.MaxValue;
        DrainPlan plan = null!;
        for (var run = 0; run < runs; run++)
        {
            watch.Restart();
            plan = DrainPlanner.Plan(cluster, names, policy);
            watch.Stop();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        output.WriteLine($"planned {nodes} nodes, {vmis} VMIs, {drained} drained nodes, {plan.Items.Count} VMIs on them, " +
            $"{plan.Waves.Count} waves in {best.TotalMilliseconds:F0} ms (best of {runs})");
        Assert.NotEmpty(plan.Waves);

        var state = new SchedulerState("bench", cluster, plan, [], policy);
        best = TimeSpan.MaxValue;
        SchedulerDecision decision = null!;
        for (var run = 0; run < runs; run++)
        {
            watch.Restart();
            decision = DrainScheduler.Decide(state, DateTimeOffset.UnixEpoch);
            watch.Stop();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        output.WriteLine($"one scheduling decision over {decision.Remaining} remaining VMIs in {best.TotalMilliseconds:F0} ms (best of {runs})");
        if (full)
        {
            Assert.True(best < TimeSpan.FromSeconds(2), $"planning took {best}");
        }
    }
}
