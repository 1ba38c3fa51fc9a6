using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// What the engine sees of the cluster: the current state and a signal that it changed. Implemented over informers
/// (list+watch), so the engine reacts to events instead of polling. The informers' cache can lag behind the API server
/// (a dropped watch, a relist under way): a decision that must not rest on a stale cache reads the server directly.
/// </summary>
public interface IClusterView
{
    /// <summary>Grows whenever the state changes.</summary>
    long Version { get; }

    /// <summary>The state now; consistent per kind.</summary>
    ClusterState Current { get; }

    /// <summary>
    /// How the informers behind <see cref="Current"/> stand: a view whose list or watch keeps failing (a revoked
    /// permission, an API outage) is stale, and the engine starts nothing new on it beyond a bound.
    /// </summary>
    ClusterViewHealth Health => ClusterViewHealth.InSync;

    /// <summary>Completes once <see cref="Version"/> is above <paramref name="seenVersion"/>.</summary>
    Task WhenChangedAsync(long seenVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Completes once <see cref="Version"/> is above <paramref name="seenVersion"/> or <paramref name="delay"/> has passed
    /// on <paramref name="time"/>, whichever comes first: the migrate loop's one idle wait between passes. A view that owns
    /// the cluster's clock (a virtual-time harness) overrides it to learn that the engine is idle and until when, and
    /// moves the clock only then.
    /// </summary>
    async Task WhenChangedOrElapsedAsync(long seenVersion, TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var change = WhenChangedAsync(seenVersion, waiting.Token);
        var timer = Task.Delay(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, time, waiting.Token);
        await Task.WhenAny(change, timer);
        await waiting.CancelAsync();
    }

    /// <summary>
    /// What changed after the change-log position <paramref name="through"/> (a previous answer's
    /// <see cref="ClusterChanges.Through"/>, negative for none), read before <see cref="Current"/>; null when this view keeps
    /// no log (then a consumer looks at everything on every read).
    /// </summary>
    ClusterChanges? ChangesSince(long through) => null;

    /// <summary>
    /// Reads the VMI <paramref name="namespace"/>/<paramref name="name"/> from the API server itself, bypassing the
    /// cache; null when there is none (404). Failures the server may recover from are retried by the client; any other,
    /// or one still failing when its retries are spent, is thrown: it never reads as a missing VMI.
    /// </summary>
    Task<VirtualMachineInstance?> ReadVmiAsync(string @namespace, string name, CancellationToken cancellationToken);
}
