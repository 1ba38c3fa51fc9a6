namespace DrainOrchestrator.Engine.Cluster;

/// <summary>Where the per-node maintenance Leases live, as node-maintenance-operator and NodeHealthCheck name them.</summary>
public static class NodeLeaseNames
{
    /// <summary>The label the engine puts on everything it creates, with the drain id as value.</summary>
    public const string DrainLabel = "drain-orchestrator.io/drain-id";

    /// <summary>The namespace medik8s' lease manager uses unless its LEASE_NAMESPACE says otherwise.</summary>
    public const string DefaultNamespace = "medik8s-leases";

    /// <summary>The Lease name for a node: <c>node-</c> and the node's name, lower case (medik8s' kind-name form).</summary>
    public static string For(string node) => "node-" + node.ToLowerInvariant();
}
