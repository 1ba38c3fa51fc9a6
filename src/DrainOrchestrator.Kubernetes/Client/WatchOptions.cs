namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>Query options of a watch call.</summary>
public sealed record WatchOptions
{
    /// <summary>Start after this resource version (normally the list's); <see langword="null"/> starts with synthetic ADDED events.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Label selector.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Field selector.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Ask for BOOKMARK events so a reconnect can resume from a recent version.</summary>
    public bool AllowBookmarks { get; init; } = true;

    /// <summary>Server-side timeout of the watch; the server ends the stream after it.</summary>
    public TimeSpan? Timeout { get; init; }
}
