using k8s.KubeConfigModels;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// One kubeconfig file as KubernetesClient read it, with every relative path already made absolute against the file's
/// directory, plus the user fields the library's model lacks.
/// </summary>
public sealed record KubeconfigFile
{
    /// <summary>Full path of the file.</summary>
    public required string Path { get; init; }

    /// <summary>The file as KubernetesClient's model holds it.</summary>
    public required K8SConfiguration Configuration { get; init; }

    /// <summary>The fields of <c>users[].user</c> that KubernetesClient does not read, by user name.</summary>
    public IReadOnlyDictionary<string, KubeconfigUserExtras> UserExtras { get; init; } = new Dictionary<string, KubeconfigUserExtras>();

    /// <summary><c>current-context</c>, or <see langword="null"/> when the file does not set it.</summary>
    public string? CurrentContext => string.IsNullOrEmpty(Configuration.CurrentContext) ? null : Configuration.CurrentContext;
}
