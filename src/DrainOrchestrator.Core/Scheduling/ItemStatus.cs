using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>Where one planned VMI stands in one decision, recomputed from the attempts and the cluster.</summary>
internal struct ItemStatus
{
    /// <summary>The VMI as the cluster shows it; the planned snapshot when the cluster no longer has it.</summary>
    public VmiSnapshot Vmi;

    /// <summary>The failure policy's verdict when the last attempt failed; null otherwise.</summary>
    public FailureDecision? Retry;

    // The journaled attempts of its uid, gathered for the state: the only one, or all of them (then sorted by number).
    public MigrationAttempt? FirstAttempt;
    public List<MigrationAttempt>? Attempts;

    public int NextAttempt;

    /// <summary>The index of its node in <see cref="PlanIndex.DrainedNames"/>; -1 when not on a drained node.</summary>
    public int Source;

    public ItemState State;

    /// <summary>Whether the plan migrates or restarts it (only those get a state).</summary>
    public bool Movable;

    /// <summary>The next attempt runs with the orchestrator's post-copy policy.</summary>
    public readonly bool PostCopy => Retry?.UsePostCopy ?? false;

    /// <summary>Targets at fault in earlier attempts.</summary>
    public readonly IReadOnlyCollection<string> AvoidTargets => Retry?.AvoidTargets ?? [];
}
