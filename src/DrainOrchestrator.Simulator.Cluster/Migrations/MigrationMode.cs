namespace DrainOrchestrator.Simulator.Cluster;

/// <summary><c>migrationState.mode</c>: how the memory is being moved.</summary>
public enum MigrationMode
{
    /// <summary>Iterative copy while the guest runs on the source.</summary>
    PreCopy,

    /// <summary>The guest runs on the target and pulls missing pages.</summary>
    PostCopy,

    /// <summary>The guest is paused so the copy can finish.</summary>
    Paused,
}
