namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A VMI's <c>spec.evictionStrategy</c>.</summary>
public enum EvictionStrategy
{
    /// <summary>The VMI is shut down on eviction.</summary>
    None,

    /// <summary>The VMI is live-migrated on eviction.</summary>
    LiveMigrate,

    /// <summary>Live-migrated when possible, otherwise shut down.</summary>
    LiveMigrateIfPossible,

    /// <summary>An external controller handles eviction.</summary>
    External,
}
