namespace DrainOrchestrator.Simulator.Api.Http;

/// <summary>Settings of the Kubernetes API endpoints.</summary>
public sealed record ApiServerOptions
{
    /// <summary>Default for <see cref="BookmarkInterval"/>.</summary>
    public static readonly TimeSpan DefaultBookmarkInterval = TimeSpan.FromSeconds(30);

    /// <summary>Default for <see cref="DefaultWatchTimeout"/>.</summary>
    public static readonly TimeSpan DefaultDefaultWatchTimeout = TimeSpan.FromMinutes(30);

    /// <summary>How often an idle watch that asked for bookmarks receives one.</summary>
    public TimeSpan BookmarkInterval { get; init; } = DefaultBookmarkInterval;

    /// <summary>How long a watch without <c>timeoutSeconds</c> stays open.</summary>
    public TimeSpan DefaultWatchTimeout { get; init; } = DefaultDefaultWatchTimeout;

    /// <summary>The version <c>/version</c> reports.</summary>
    public string KubernetesVersion { get; init; } = "v1.32.0";

    /// <summary>Every problem with the settings; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BookmarkInterval <= TimeSpan.Zero)
        {
            problems.Add($"BookmarkInterval must be positive, was {BookmarkInterval}");
        }

        if (DefaultWatchTimeout <= TimeSpan.Zero)
        {
            problems.Add($"DefaultWatchTimeout must be positive, was {DefaultWatchTimeout}");
        }

        if (!KubernetesVersion.StartsWith('v') || KubernetesVersion.Split('.').Length < 3)
        {
            problems.Add($"KubernetesVersion must look like v1.32.0, was \"{KubernetesVersion}\"");
        }

        return problems;
    }
}
