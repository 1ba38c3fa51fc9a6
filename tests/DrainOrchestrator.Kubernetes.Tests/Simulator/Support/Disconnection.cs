using DrainOrchestrator.Kubernetes.Client.Watching;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator.Support;

/// <summary>
/// Makes changes a list-watch cannot see as events: once its watch has ended and reconnecting fails (injected 500s),
/// the changes are made and the watch history compacted, then the fault is lifted, so the next watch from the last
/// version seen gets 410 Gone and the client has to list again.
/// </summary>
internal static class Disconnection
{
    /// <summary>List-watch options whose watches the server ends after a second, and whose reconnects come quickly.</summary>
    public static ListWatchOptions ShortWatches { get; } = new()
    {
        WatchTimeout = TimeSpan.FromSeconds(1),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    };

    /// <summary>Needs the list-watch's watches to end on their own (<see cref="ShortWatches"/>) for the first step to finish.</summary>
    public static async Task ChangeWhileWatchesFailAsync(SimulatorAdmin admin, string resource, Func<Task> changes,
        CancellationToken cancellationToken)
    {
        await admin.SetFaultsAsync(cancellationToken, new ApiFault(resource, "watch") { ErrorRate = 1 });
        var before = await admin.RequestCountAsync("watch", resource, cancellationToken);

        // A watch counted after the rule was in place was refused: the client is disconnected and backing off.
        await admin.WaitForRequestsAsync("watch", resource, after: before, cancellationToken);
        await changes();
        await admin.CompactAsync(cancellationToken);
        await admin.ClearFaultsAsync(cancellationToken);
    }
}
