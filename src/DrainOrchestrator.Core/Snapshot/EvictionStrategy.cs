namespace DrainOrchestrator.Core.Snapshot;

/// <summary>A VMI's <c>spec.evictionStrategy</c>.</summary>
public enum EvictionStrategy
{
    /// <summary>Not set on the VMI: the cluster default applies.</summary>
    Unset,

    /// <summary>The VMI is not to be moved on eviction.</summary>
    None,

    /// <summary>The VMI is live-migrated.</summary>
    LiveMigrate,

    /// <summary>Live-migrated when it is migratable, otherwise shut down.</summary>
    LiveMigrateIfPossible,

    /// <summary>An external controller moves the VMI.</summary>
    External,
}
