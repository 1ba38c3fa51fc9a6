namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// What the engine sees of the cluster: the current state and a signal that it changed. Implemented over informers
/// (list+watch), so the engine reacts to events instead of polling.
/// </summary>
public interface IClusterView
{
    /// <summary>Grows whenever the state changes.</summary>
    long Version { get; }

    /// <summary>The state now; consistent per kind.</summary>
    ClusterState Current { get; }

    /// <summary>Completes once <see cref="Version"/> is above <paramref name="seenVersion"/>.</summary>
    Task WhenChangedAsync(long seenVersion, CancellationToken cancellationToken);
}
