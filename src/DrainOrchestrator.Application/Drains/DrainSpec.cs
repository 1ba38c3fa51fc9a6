using DrainOrchestrator.Application.Plans;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Application.Drains;

/// <summary>What a user asks to drain, through either front door.</summary>
/// <param name="Nodes">The nodes to empty.</param>
/// <param name="Policy">The drain policy (Core's defaults for what the user did not set).</param>
/// <param name="Name">The drain's name; generated when null.</param>
/// <param name="IdempotencyKey">A retried create with the same key returns the first drain instead of starting another.</param>
public sealed record DrainSpec(IReadOnlyList<string> Nodes, DrainPolicy Policy, string? Name = null, string? IdempotencyKey = null)
{
    /// <summary>For a plan: the maintenance window the work is to fit; null for none.</summary>
    public WindowRequest? Window { get; init; }
}
