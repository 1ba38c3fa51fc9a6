namespace DrainOrchestrator.Simulator.Cluster;

/// <summary><c>migrationState.abortStatus</c> after an abort was requested.</summary>
public enum AbortStatus
{
    /// <summary>The abort is in progress.</summary>
    Aborting,

    /// <summary>The migration was aborted; the guest stays on the source.</summary>
    Succeeded,

    /// <summary>The abort failed (for example during post-copy); the migration carries on.</summary>
    Failed,
}
