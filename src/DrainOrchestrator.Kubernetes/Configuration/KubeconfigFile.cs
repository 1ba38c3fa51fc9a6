namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>One kubeconfig file as read, before merging.</summary>
public sealed record KubeconfigFile
{
    /// <summary>Full path of the file.</summary>
    public required string Path { get; init; }

    /// <summary><c>current-context</c>, or <see langword="null"/> when the file does not set it.</summary>
    public string? CurrentContext { get; init; }

    /// <summary>Cluster entries in file order.</summary>
    public IReadOnlyList<KubeconfigCluster> Clusters { get; init; } = [];

    /// <summary>Context entries in file order.</summary>
    public IReadOnlyList<KubeconfigContext> Contexts { get; init; } = [];

    /// <summary>User entries in file order.</summary>
    public IReadOnlyList<KubeconfigUser> Users { get; init; } = [];
}
