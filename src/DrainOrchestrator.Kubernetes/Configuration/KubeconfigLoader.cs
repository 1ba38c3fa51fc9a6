namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Loads kubeconfig files the way kubectl does and resolves a context into connection settings.</summary>
public static class KubeconfigLoader
{
    /// <summary>
    /// Reads <c>--kubeconfig</c>, or every file of KUBECONFIG, or <c>~/.kube/config</c>, merges them and resolves the
    /// context (the <c>--context</c> override, else current-context).
    /// </summary>
    public static KubernetesConnectionSettings Load(KubeconfigLoadOptions? options = null)
    {
        options ??= new KubeconfigLoadOptions();
        return KubeconfigResolver.Resolve(LoadMerged(options), options);
    }

    /// <summary>Reads and merges the kubeconfig files without resolving a context.</summary>
    public static Kubeconfig LoadMerged(KubeconfigLoadOptions? options = null)
    {
        options ??= new KubeconfigLoadOptions();
        var files = new List<KubeconfigFile>();
        var candidates = options.ResolveFiles();
        foreach (var (path, required) in candidates)
        {
            if (!File.Exists(path))
            {
                if (required)
                {
                    throw new KubernetesConfigurationException(Path.GetFullPath(path), null, null, "does not exist");
                }

                continue;
            }

            files.Add(KubeconfigFileReader.Read(path));
        }

        if (files.Count == 0)
        {
            throw new KubernetesConfigurationException(candidates.Count == 1 ? candidates[0].Path : null, null, null,
                "no kubeconfig file found (checked " + string.Join(", ", candidates.Select(c => c.Path)) + ")");
        }

        return Kubeconfig.Merge(files);
    }

    /// <summary>
    /// kubectl's fallback order for a process that may run inside or outside a cluster: the kubeconfig when one exists
    /// (or KUBECONFIG / --kubeconfig is given), otherwise the in-cluster service account.
    /// </summary>
    public static KubernetesConnectionSettings LoadDefault(KubeconfigLoadOptions? options = null, InClusterOptions? inCluster = null)
    {
        options ??= new KubeconfigLoadOptions();
        var candidates = options.ResolveFiles();
        var configured = !string.IsNullOrEmpty(options.ExplicitPath)
            || !string.IsNullOrEmpty(options.GetEnvironmentVariable("KUBECONFIG"));
        if (configured || candidates.Any(c => File.Exists(c.Path)))
        {
            return Load(options);
        }

        return InClusterConfig.Load(inCluster ?? new InClusterOptions
        {
            GetEnvironmentVariable = options.GetEnvironmentVariable,
            TimeProvider = options.TimeProvider,
        });
    }
}
