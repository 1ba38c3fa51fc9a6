namespace DrainOrchestrator.Engine.Cluster;

/// <summary>Where the per-node coordination Leases live, as node-maintenance tools name them.</summary>
public static class NodeLeaseNames
{
    /// <summary>The label the engine puts on everything it creates, with the drain id as value.</summary>
    public const string DrainLabel = "drain-orchestrator.io/drain-id";

    /// <summary>The Lease name for a node.</summary>
    public static string For(string node) => "drain-orchestrator-" + node;
}
