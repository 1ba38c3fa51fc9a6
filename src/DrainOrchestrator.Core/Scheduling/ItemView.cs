using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Scheduling;

/// <summary>A planned VMI with its current state, as one decision sees it.</summary>
internal sealed record ItemView(
    PlannedVmi Item,
    VmiSnapshot Vmi,
    ItemState State,
    int NextAttempt,
    bool PostCopy,
    IReadOnlyCollection<string> AvoidTargets,
    DateTimeOffset NotBefore,
    string? Reason)
{
    public string Source => Vmi.NodeName;

    public long DurationTicks => Item.Estimate.Duration.Ticks;
}
