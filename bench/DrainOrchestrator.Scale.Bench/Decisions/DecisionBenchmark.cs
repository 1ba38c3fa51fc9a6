using System.Diagnostics;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Scale.Bench.Measuring;

namespace DrainOrchestrator.Scale.Bench.Decisions;

/// <summary>
/// Times <see cref="DrainScheduler.Decide"/> as the engine calls it, once per event, at each phase of a drain: runs of
/// <see cref="StepsPerRun"/> consecutive events from the phase's starting point, repeated until enough decisions are
/// measured, so every measured state stays close to its phase. Every other run times, in place of the decision, the
/// least any decision must do: read the uid of every VMI and every attempt once (the floor), under the same conditions.
/// </summary>
internal static class DecisionBenchmark
{
    public const int StepsPerRun = 25;

    public static DecisionResult Run(
        ClusterSnapshot cluster, DrainPlan plan, DrainPolicy policy, DrainPhase phase, int decisions, int seed)
    {
        var times = new List<double>(decisions);
        var cpu = new List<double>(decisions);
        var floor = new List<double>(decisions);
        var allocated = new List<double>(decisions);
        var remaining = new List<double>(decisions);
        var attempts = new List<double>(decisions);
        var starts = 0;
        for (var run = 0; times.Count < decisions; run++)
        {
            var replay = DrainReplay.At(cluster, plan, policy, phase.DoneFraction, seed + run);
            for (var step = 0; step < StepsPerRun && times.Count < decisions; step++)
            {
                var state = replay.State();
                if (run % 2 == 1)
                {
                    var floorStart = ThreadCpuClock.Milliseconds();
                    ReadEveryUid(state);
                    floor.Add(ThreadCpuClock.Milliseconds() - floorStart);
                    var unmeasured = DrainScheduler.Decide(state, replay.Now);
                    replay.Apply(unmeasured);
                    replay.Advance(unmeasured);
                    continue;
                }

                var before = GC.GetAllocatedBytesForCurrentThread();
                var cpuStart = ThreadCpuClock.Milliseconds();
                var start = Stopwatch.GetTimestamp();
                var decision = DrainScheduler.Decide(state, replay.Now);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                cpu.Add(ThreadCpuClock.Milliseconds() - cpuStart);
                allocated.Add((GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0);
                remaining.Add(decision.Remaining);
                attempts.Add(state.Attempts.Count);
                starts += decision.Actions.Count;
                replay.Apply(decision);
                replay.Advance(decision);
            }
        }

        return new DecisionResult(phase.Name, phase.DoneFraction, (int)Samples.Of(remaining).Median, (int)Samples.Of(attempts).Median,
            starts, Samples.Of(times), Samples.Of(cpu), Samples.Of(floor), Samples.Of(allocated), MachineLoad.Now());
    }

    // Touches what every decision must: each VMI and its uid, each attempt and its uid.
    private static void ReadEveryUid(SchedulerState state)
    {
        var sum = 0;
        foreach (var vmi in state.Cluster.Vmis)
        {
            sum += vmi.Uid[0];
        }

        foreach (var attempt in state.Attempts)
        {
            sum += attempt.VmiUid[0];
        }

        GC.KeepAlive(sum);
    }

    /// <summary>
    /// The first decision on a plan instance the scheduler has not seen (what a per-plan index costs once per plan), at
    /// the drain's start; median of <paramref name="repeats"/> fresh copies of the plan.
    /// </summary>
    public static double FirstDecisionMilliseconds(ClusterSnapshot cluster, DrainPlan plan, DrainPolicy policy, int repeats)
    {
        var times = new List<double>(repeats);
        for (var i = 0; i < repeats; i++)
        {
            var fresh = plan with { };
            var replay = DrainReplay.At(cluster, fresh, policy, 0, i);
            var state = replay.State();
            var start = Stopwatch.GetTimestamp();
            DrainScheduler.Decide(state, replay.Now);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Samples.Of(times).Median;
    }
}
