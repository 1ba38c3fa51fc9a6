using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>Something the engine must journal, then do.</summary>
/// <param name="Vmi">The VMI acted on.</param>
/// <param name="Attempt">The 1-based attempt number this action starts.</param>
/// <param name="Name">The action's deterministic name (the VMIM name for a migration).</param>
/// <param name="Wave">The planned wave of the VMI.</param>
public abstract record SchedulerAction(VmiSnapshot Vmi, int Attempt, string Name, int Wave);
