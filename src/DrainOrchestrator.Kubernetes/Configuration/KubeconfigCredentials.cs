using k8s;
using k8s.KubeConfigModels;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Chooses what yields a context's bearer token (or exec-plugin certificate) for each request.</summary>
internal static class KubeconfigCredentials
{
    public static ICredentialProvider? Create(KubeconfigEntry<(User User, KubeconfigUserExtras? Extras)> user,
        KubeconfigEntry<Cluster> cluster, KubernetesClientConfiguration library, string contextName, KubeconfigLoadOptions options)
    {
        var (model, extras) = user.Value;
        if (model.UserCredentials?.ExternalExecution is { } exec)
        {
            return new ExecCredentialProvider(ToPluginConfig(exec, extras), user.SourceFile, ClusterInfo(cluster.Value),
                contextName, options.TimeProvider);
        }

        // As kubectl does, a token file wins over an inline token because it is the one that gets rotated.
        if (extras?.TokenFile is { } tokenFile)
        {
            return new TokenFileCredentialProvider(tokenFile, options.TokenFileRefreshInterval, options.TimeProvider);
        }

        // An auth-provider (oidc) gives the library a refreshing token provider; a static token stays static.
        if (library.TokenProvider is { } provider)
        {
            return new LibraryTokenCredentialProvider(provider);
        }

        return string.IsNullOrEmpty(library.AccessToken) ? null : new StaticTokenCredentialProvider(library.AccessToken);
    }

    private static ExecPluginConfig ToPluginConfig(ExternalExecution exec, KubeconfigUserExtras? extras) => new()
    {
        ApiVersion = exec.ApiVersion,
        Command = exec.Command,
        Args = exec.Arguments?.ToList() ?? [],
        Env = (exec.EnvironmentVariables ?? []).ToDictionary(v => v["name"], v => v.GetValueOrDefault("value") ?? "", StringComparer.Ordinal),
        InstallHint = exec.InstallHint,
        ProvideClusterInfo = exec.ProvideClusterInfo,
        InteractiveMode = extras?.ExecInteractiveMode,
    };

    private static ExecCredentialCluster ClusterInfo(Cluster cluster) => new()
    {
        Server = cluster.ClusterEndpoint.Server,
        TlsServerName = cluster.ClusterEndpoint.TlsServerName,
        InsecureSkipTlsVerify = cluster.ClusterEndpoint.SkipTlsVerify,
        CertificateAuthorityData = cluster.ClusterEndpoint.CertificateAuthorityData,
    };
}
