using DrainOrchestrator.Scale.Bench.Measuring;

namespace DrainOrchestrator.Scale.Bench.Decisions;

/// <summary>Scheduler decisions measured at one phase of a drain.</summary>
/// <param name="Phase">start, mid or end.</param>
/// <param name="DoneFraction">Share of the migrations finished when the phase begins.</param>
/// <param name="RemainingVmis">VMIs not yet moved, as the decisions reported them (median).</param>
/// <param name="Attempts">Journaled attempts the decisions read (median).</param>
/// <param name="Starts">Migrations the decisions started, in total.</param>
/// <param name="Milliseconds">Wall-clock time per decision.</param>
/// <param name="CpuMilliseconds">CPU time of the calling thread per decision (NaN where unavailable).</param>
/// <param name="FloorCpuMilliseconds">CPU time of reading every VMI's and attempt's uid once, on the same states.</param>
/// <param name="AllocatedKilobytes">Bytes allocated per decision, in KiB.</param>
/// <param name="Load">The machine's load while measuring.</param>
internal sealed record DecisionResult(
    string Phase, double DoneFraction, int RemainingVmis, int Attempts, int Starts, Samples Milliseconds, Samples CpuMilliseconds, Samples FloorCpuMilliseconds,
    Samples AllocatedKilobytes,
    MachineLoad Load);
