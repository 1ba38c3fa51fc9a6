using System.Diagnostics;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Scale.Bench.Measuring;

namespace DrainOrchestrator.Scale.Bench.Planning;

/// <summary>Times <see cref="DrainPlanner.Plan"/> on one cluster, several runs, the first reported apart.</summary>
internal static class PlanningBenchmark
{
    public static (PlanningResult Result, DrainPlan Plan) Run(
        ClusterSnapshot cluster, IReadOnlyList<string> drained, DrainPolicy policy, int runs)
    {
        DrainPlan plan = null!;
        var times = new List<double>(runs);
        var cpu = new List<double>(runs);
        double cold = 0;
        long allocated = 0;
        for (var run = 0; run < runs; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpuStart = ThreadCpuClock.Milliseconds();
            var start = Stopwatch.GetTimestamp();
            plan = DrainPlanner.Plan(cluster, drained, policy);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var cpuElapsed = ThreadCpuClock.Milliseconds() - cpuStart;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (run == 0)
            {
                cold = elapsed;
            }
            else
            {
                times.Add(elapsed);
                cpu.Add(cpuElapsed);
            }
        }

        var result = new PlanningResult(drained.Count, plan.Items.Count,
            plan.Items.Count(i => i.Disposition == PlanDisposition.Migrate), plan.Waves.Count,
            plan.Items.Count(i => i.Disposition == PlanDisposition.Skip), cold, Samples.Of(times), Samples.Of(cpu), allocated / 1048576.0,
            MachineLoad.Now());
        return (result, plan);
    }
}
