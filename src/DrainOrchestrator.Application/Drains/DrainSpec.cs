using DrainOrchestrator.Core.Placement;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Application.Drains;

/// <summary>What a user asks to drain, through either front door.</summary>
/// <param name="Nodes">The nodes to empty.</param>
/// <param name="Policy">The drain policy (Core's defaults for what the user did not set).</param>
/// <param name="Name">The drain's name; generated when null.</param>
/// <param name="IdempotencyKey">A retried create with the same key returns the first drain instead of starting another.</param>
public sealed record DrainSpec(IReadOnlyList<string> Nodes, DrainPolicy Policy, string? Name = null, string? IdempotencyKey = null)
{
    /// <summary>
    /// Nodes due for a later drain (a rolling upgrade's later batches): targets only when no other node has room, and
    /// the plan names the VMs that must go there (they move twice).
    /// </summary>
    public IReadOnlyList<string> AvoidTargets { get; init; } = [];

    /// <summary>Nodes to fill first (upgraded or drained in earlier batches).</summary>
    public IReadOnlyList<string> PreferTargets { get; init; } = [];

    /// <summary>The preference as Core takes it.</summary>
    internal TargetPreference Targets => new(
        AvoidTargets.Count == 0 ? null : AvoidTargets.ToHashSet(StringComparer.Ordinal),
        PreferTargets.Count == 0 ? null : PreferTargets.ToHashSet(StringComparer.Ordinal));
}
