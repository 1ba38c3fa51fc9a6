using DrainOrchestrator.Engine.Policy;

namespace DrainOrchestrator.Engine;

/// <summary>What an operator asks to drain.</summary>
/// <param name="Cluster">The cluster's identity (the kubeconfig's cluster server).</param>
/// <param name="Nodes">The nodes to empty.</param>
/// <param name="Policy">The policy values.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="Name">The drain's name; generated when null.</param>
public sealed record DrainRequest(string Cluster, IReadOnlyList<string> Nodes, StoredPolicy Policy, string? RequestedBy, string? Name = null);
