namespace DrainOrchestrator.Kubernetes.Client.Watching;

/// <summary>What <see cref="KubernetesClient.ListAndWatchAsync{T}"/> lists and watches, and how it reconnects.</summary>
public sealed record ListWatchOptions
{
    /// <summary>Label selector, e.g. <c>kubevirt.io/nodeName=worker-1</c>.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Field selector, e.g. <c>spec.nodeName=worker-1</c>.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Page size of the (streamed) list; <see langword="null"/> lists in one response.</summary>
    public int? PageSize { get; init; } = ListWatchConstants.DefaultPageSize;

    /// <summary>Server-side timeout of each watch request; the watch then resumes from the last resource version.</summary>
    public TimeSpan WatchTimeout { get; init; } = ListWatchConstants.DefaultWatchTimeout;

    /// <summary>
    /// How long past <see cref="WatchTimeout"/> the client waits before it abandons a watch the server did not end (a
    /// silently dead connection) and reconnects.
    /// </summary>
    public TimeSpan ClientTimeoutGrace { get; init; } = ListWatchConstants.DefaultClientTimeoutGrace;

    /// <summary>First delay before reconnecting after a failure; it doubles, with jitter, while failures continue.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = ListWatchConstants.DefaultReconnectBaseDelay;

    /// <summary>The longest computed reconnect delay (a server's Retry-After is honoured as sent).</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = ListWatchConstants.DefaultReconnectMaxDelay;

    /// <summary>
    /// A watch the server ends sooner than this, having delivered nothing, counts as a failure (backed off), so a
    /// server that closes at once cannot drive a busy loop.
    /// </summary>
    public TimeSpan MinHealthyWatch { get; init; } = ListWatchConstants.DefaultMinHealthyWatch;

    /// <summary>
    /// Where the runner reports how it stands (last sync, failures), or <see langword="null"/>. Failures after the first
    /// list never end the enumeration: they are retried with back-off and show here.
    /// </summary>
    public ListWatchHealth? Health { get; init; }

    /// <summary>Throws with every problem at once when a value is out of range.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (PageSize is < 1)
        {
            problems.Add($"{nameof(PageSize)} must be at least 1 or null, was {PageSize}");
        }

        if (WatchTimeout < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{nameof(WatchTimeout)} must be at least 1 s, was {WatchTimeout}");
        }

        if (ClientTimeoutGrace < TimeSpan.Zero)
        {
            problems.Add($"{nameof(ClientTimeoutGrace)} must not be negative, was {ClientTimeoutGrace}");
        }

        if (ReconnectBaseDelay <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(ReconnectBaseDelay)} must be positive, was {ReconnectBaseDelay}");
        }

        if (ReconnectMaxDelay < ReconnectBaseDelay)
        {
            problems.Add($"{nameof(ReconnectMaxDelay)} must be at least {nameof(ReconnectBaseDelay)}, was {ReconnectMaxDelay}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid list-watch options: " + string.Join("; ", problems) + ".");
        }
    }
}
