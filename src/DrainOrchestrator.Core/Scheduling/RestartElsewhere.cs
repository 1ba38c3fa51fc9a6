using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// Stop the VM and start it again through its run strategy (policy <c>shutdown</c>); the drained nodes are cordoned,
/// so it starts elsewhere.
/// </summary>
/// <param name="Vmi">The VMI to restart.</param>
/// <param name="Attempt">The attempt number.</param>
/// <param name="Name">The action's deterministic name.</param>
/// <param name="Wave">0: restarts are not part of a migration wave.</param>
public sealed record RestartElsewhere(VmiSnapshot Vmi, int Attempt, string Name, int Wave)
    : SchedulerAction(Vmi, Attempt, Name, Wave)
{
    /// <summary>The application budgets the VM is a member of (a restart counts in the unavailability ones).</summary>
    public IReadOnlyList<ApplicationBudget> Budgets { get; init; } = [];
}
