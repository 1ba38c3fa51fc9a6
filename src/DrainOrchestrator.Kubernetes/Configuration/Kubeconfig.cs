using k8s.KubeConfigModels;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Several kubeconfig files merged by kubectl's rules: for each named cluster, context and user the first file that
/// defines the name wins, and current-context comes from the first file that sets it. KubernetesClient 21 merges the
/// same way, but only inside <c>BuildDefaultConfig</c> (its multi-file loader is internal), which fails on a KUBECONFIG
/// entry that does not exist and forgets which file an entry came from; so the merge stays here, over its model.
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
    public IReadOnlyDictionary<string, KubeconfigEntry<Cluster>> Clusters { get; private set; } = new Dictionary<string, KubeconfigEntry<Cluster>>();

    /// <summary>Contexts by name.</summary>
    public IReadOnlyDictionary<string, KubeconfigEntry<Context>> Contexts { get; private set; } = new Dictionary<string, KubeconfigEntry<Context>>();

    /// <summary>Users by name, with the fields KubernetesClient does not read.</summary>
    public IReadOnlyDictionary<string, KubeconfigEntry<(User User, KubeconfigUserExtras? Extras)>> Users { get; private set; } =
        new Dictionary<string, KubeconfigEntry<(User, KubeconfigUserExtras?)>>();

    /// <summary>Merges files given in precedence order (the order of KUBECONFIG).</summary>
    public static Kubeconfig Merge(IEnumerable<KubeconfigFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        var clusters = new Dictionary<string, KubeconfigEntry<Cluster>>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, KubeconfigEntry<Context>>(StringComparer.Ordinal);
        var users = new Dictionary<string, KubeconfigEntry<(User, KubeconfigUserExtras?)>>(StringComparer.Ordinal);
        var merged = new Kubeconfig(list);
        foreach (var file in list)
        {
            if (merged.CurrentContext is null && file.CurrentContext is not null)
            {
                merged.CurrentContext = file.CurrentContext;
                merged.CurrentContextFile = file.Path;
            }

            foreach (var cluster in file.Configuration.Clusters ?? [])
            {
                clusters.TryAdd(cluster.Name, new(file.Path, cluster));
            }

            foreach (var context in file.Configuration.Contexts ?? [])
            {
                contexts.TryAdd(context.Name, new(file.Path, context));
            }

            foreach (var user in file.Configuration.Users ?? [])
            {
                users.TryAdd(user.Name, new(file.Path, (user, file.UserExtras.GetValueOrDefault(user.Name))));
            }
        }

        merged.Clusters = clusters;
        merged.Contexts = contexts;
        merged.Users = users;
        return merged;
    }
}
