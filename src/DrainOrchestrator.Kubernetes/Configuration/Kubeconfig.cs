namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Several kubeconfig files merged by kubectl's rules: for each named cluster, context and user the first file that
/// defines the name wins, and current-context comes from the first file that sets it.
/// </summary>
public sealed class Kubeconfig
{
    private Kubeconfig(IReadOnlyList<KubeconfigFile> files)
    {
        Files = files;
    }

    /// <summary>The merged files in precedence order.</summary>
    public IReadOnlyList<KubeconfigFile> Files { get; }

    /// <summary>The merged current-context, if any file set one.</summary>
    public string? CurrentContext { get; private set; }

    /// <summary>The file that set <see cref="CurrentContext"/>.</summary>
    public string? CurrentContextFile { get; private set; }

    /// <summary>Clusters by name.</summary>
    public IReadOnlyDictionary<string, KubeconfigCluster> Clusters { get; private set; } = new Dictionary<string, KubeconfigCluster>();

    /// <summary>Contexts by name.</summary>
    public IReadOnlyDictionary<string, KubeconfigContext> Contexts { get; private set; } = new Dictionary<string, KubeconfigContext>();

    /// <summary>Users by name.</summary>
    public IReadOnlyDictionary<string, KubeconfigUser> Users { get; private set; } = new Dictionary<string, KubeconfigUser>();

    /// <summary>Merges files given in precedence order (the order of KUBECONFIG).</summary>
    public static Kubeconfig Merge(IEnumerable<KubeconfigFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        var clusters = new Dictionary<string, KubeconfigCluster>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, KubeconfigContext>(StringComparer.Ordinal);
        var users = new Dictionary<string, KubeconfigUser>(StringComparer.Ordinal);
        var merged = new Kubeconfig(list);
        foreach (var file in list)
        {
            if (merged.CurrentContext is null && file.CurrentContext is not null)
            {
                merged.CurrentContext = file.CurrentContext;
                merged.CurrentContextFile = file.Path;
            }

            foreach (var cluster in file.Clusters)
            {
                clusters.TryAdd(cluster.Name, cluster);
            }

            foreach (var context in file.Contexts)
            {
                contexts.TryAdd(context.Name, context);
            }

            foreach (var user in file.Users)
            {
                users.TryAdd(user.Name, user);
            }
        }

        merged.Clusters = clusters;
        merged.Contexts = contexts;
        merged.Users = users;
        return merged;
    }
}
