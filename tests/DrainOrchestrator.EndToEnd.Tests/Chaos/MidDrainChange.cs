namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>The changes the <c>mid-drain-changes</c> kind makes to the cluster or the database while a drain runs, one per run.</summary>
internal enum MidDrainChange
{
    /// <summary>One of our VMIMs, in flight, deleted by someone else (KubeVirt aborts its migration).</summary>
    VmimDeleted,

    /// <summary>Finished VMIMs garbage-collected (twice), as KubeVirt does past its five per VMI.</summary>
    VmimCollected,

    /// <summary>A VMI deleted shortly after its migration started transferring (its VM starts it again elsewhere).</summary>
    VmiDeleted,

    /// <summary>The target node of a migration in flight deleted (its guests are lost and restarted elsewhere).</summary>
    TargetNodeDeleted,

    /// <summary>The KubeVirt CR's parallelMigrationsPerCluster lowered from 5 to 2 with a merge patch, as kubectl patch sends it.</summary>
    LimitLowered,

    /// <summary>The watch permission revoked (every watch answered 403) for 3 s to 8 s, then restored.</summary>
    WatchRevoked,

    /// <summary>PostgreSQL turned read-only (default_transaction_read_only) for 3 s to 8 s, then writable again.</summary>
    DatabaseReadOnly,

    /// <summary>The volume of the drain's tables full (<see cref="FullDisk"/>) for 3 s to 8 s, then space freed again. Needs root.</summary>
    DatabaseOutOfDisk,
}
