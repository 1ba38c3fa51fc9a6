namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Who marked a node for upgrade.</summary>
public enum UpgradeOrigin
{
    /// <summary>The scenario's <c>upgrade</c> section (its <c>nodes</c> or <c>selector</c>).</summary>
    Scenario,

    /// <summary>A client set the node's <c>upgrade.drain-sim.io/target-version</c> annotation.</summary>
    Annotation,

    /// <summary>A direct request (the simulator's admin API, a test).</summary>
    Request,
}
