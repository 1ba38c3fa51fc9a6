using DrainOrchestrator.Scheduling.Bench.Bounds;
using DrainOrchestrator.Scheduling.Bench.Suite;

namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>One scenario under one limit setting: the bound and both modes, judged against the targets.</summary>
internal sealed record CaseResult(
    ScenarioEntry Entry, string ScenarioName, LimitSetting Limits, LowerBound Bound, RunResult Orchestrator, RunResult KubeVirtAlone)
{
    /// <summary>Makespan at most this multiple of the lower bound.</summary>
    public const double BoundTarget = 1.05;

    /// <summary>The target for a blind run (no annotations, no metrics): its makespan over the informed one's.</summary>
    public const double BlindTarget = 1.25;

    /// <summary>At most this many migrations per VM in a rolling drain.</summary>
    public const double RollingTarget = 1.05;

    public double Ratio => Bound.Seconds > 0 ? Orchestrator.MakespanSeconds / Bound.Seconds : double.NaN;

    /// <summary>KubeVirt alone's makespan over ours (above 1: we are faster).</summary>
    public double Speedup => Orchestrator.MakespanSeconds > 0 ? KubeVirtAlone.MakespanSeconds / Orchestrator.MakespanSeconds : double.NaN;

    public bool MeetsBound => Orchestrator.Complete && Ratio <= BoundTarget;

    /// <summary>Not worse than KubeVirt alone: no slower (when it finished too), no less complete.</summary>
    public bool NotWorseThanKubeVirt =>
        Orchestrator.Complete && (!KubeVirtAlone.Complete || Orchestrator.MakespanSeconds <= KubeVirtAlone.MakespanSeconds);

    public bool? MeetsRolling => Entry.Rolling ? Orchestrator.MigrationsPerVm <= RollingTarget : null;
}
