namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>A named context entry of a kubeconfig file: a cluster, a user and a default namespace.</summary>
public sealed record KubeconfigContext
{
    /// <summary>Entry name.</summary>
    public required string Name { get; init; }

    /// <summary>The file that defined this entry.</summary>
    public required string SourceFile { get; init; }

    /// <summary><c>cluster</c>: name of the cluster entry.</summary>
    public string? Cluster { get; init; }

    /// <summary><c>user</c>: name of the user entry; empty for anonymous access.</summary>
    public string? User { get; init; }

    /// <summary><c>namespace</c>: default namespace.</summary>
    public string? Namespace { get; init; }
}
