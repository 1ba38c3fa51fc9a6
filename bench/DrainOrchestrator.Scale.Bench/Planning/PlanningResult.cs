using DrainOrchestrator.Scale.Bench.Measuring;

namespace DrainOrchestrator.Scale.Bench.Planning;

/// <summary>Planning one size: the plan's shape and the time it took.</summary>
/// <param name="DrainedNodes">Nodes drained.</param>
/// <param name="PlannedVmis">VMIs on them (items of the plan).</param>
/// <param name="Migrations">Items the plan migrates.</param>
/// <param name="Waves">Waves of the plan.</param>
/// <param name="Skipped">Items skipped (cannot live-migrate, or no capacity).</param>
/// <param name="ColdMilliseconds">The first run (JIT and caches cold).</param>
/// <param name="Milliseconds">The warm runs, wall clock.</param>
/// <param name="CpuMilliseconds">The warm runs, CPU time of the thread.</param>
/// <param name="AllocatedMegabytes">Bytes allocated by one warm run, in MiB.</param>
/// <param name="Load">The machine's load while measuring.</param>
internal sealed record PlanningResult(
    int DrainedNodes, int PlannedVmis, int Migrations, int Waves, int Skipped, double ColdMilliseconds, Samples Milliseconds,
    Samples CpuMilliseconds, double AllocatedMegabytes, MachineLoad Load);
