using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Turns one context of a merged kubeconfig into connection settings: our checks first, which name the file, context and
/// field of every problem at once, then KubernetesClient's <see cref="KubernetesClientConfiguration"/> resolves the
/// context (server, CA, client certificate, tls-server-name, token, auth-provider) from a copy holding only that context.
/// </summary>
internal static class KubeconfigResolver
{
    public static KubernetesConnectionSettings Resolve(Kubeconfig config, KubeconfigLoadOptions options)
    {
        var firstFile = config.Files.Count > 0 ? config.Files[0].Path : null;
        var contextName = options.Context ?? config.CurrentContext;
        if (string.IsNullOrEmpty(contextName))
        {
            throw new KubernetesConfigurationException(firstFile, null, "current-context",
                "is not set and no context was given: set current-context or pass --context");
        }

        if (!config.Contexts.TryGetValue(contextName, out var context))
        {
            var file = options.Context is null ? config.CurrentContextFile : firstFile;
            throw new KubernetesConfigurationException(file, contextName, $"contexts[{contextName}]",
                $"no such context (known: {string.Join(", ", config.Contexts.Keys.Order(StringComparer.Ordinal))})");
        }

        var (cluster, user) = KubeconfigChecks.Check(config, context, contextName, options.AllowInsecure);
        var library = Build(context, cluster, user, contextName);
        return new KubernetesConnectionSettings
        {
            Server = new Uri(library.Host),
            CertificateAuthorities = library.SslCaCerts is { Count: > 0 } authorities ? authorities : null,
            ClientCertificate = user is null ? null : KubeconfigChecks.ClientCertificate(library, user, contextName),
            Credentials = user is null ? null : KubeconfigCredentials.Create(user, cluster, library, contextName, options),
            TlsServerName = string.IsNullOrEmpty(library.TlsServerName) ? null : library.TlsServerName,
            InsecureSkipTlsVerify = library.SkipTlsVerify,
            Namespace = options.Namespace ?? (string.IsNullOrEmpty(library.Namespace) ? "default" : library.Namespace),
            ContextName = contextName,
        };
    }

    /// <summary>
    /// Lets KubernetesClient resolve the context. The copy it gets has no exec section, because the library would run the
    /// plugin synchronously while building (see <see cref="ExecCredentialProvider"/> for why ours runs it), and no user
    /// when the user holds no credential the library knows (tokenFile, exec only, anonymous), which it would refuse.
    /// </summary>
    private static KubernetesClientConfiguration Build(KubeconfigEntry<Context> context, KubeconfigEntry<Cluster> cluster,
        KubeconfigEntry<(User User, KubeconfigUserExtras? Extras)>? user, string contextName)
    {
        var libraryUser = user is null ? null : WithoutExec(user.Value.User);
        var copy = new K8SConfiguration
        {
            CurrentContext = contextName,
            Clusters = [cluster.Value],
            Contexts =
            [
                new Context
                {
                    Name = contextName,
                    ContextDetails = new ContextDetails
                    {
                        Cluster = cluster.Value.Name,
                        User = libraryUser?.Name,
                        Namespace = context.Value.ContextDetails.Namespace,
                    },
                },
            ],
            Users = libraryUser is null ? [] : [libraryUser],
        };
        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(copy, contextName);
        }
        catch (Exception ex) when (ex is KubeConfigException or FormatException or IOException or System.Security.Cryptography.CryptographicException)
        {
            throw new KubernetesConfigurationException(context.SourceFile, contextName, null,
                $"KubernetesClient cannot use this context: {ex.Message}", ex);
        }
    }

    private static User? WithoutExec(User user)
    {
        var credentials = user.UserCredentials;
        if (credentials is null)
        {
            return null;
        }

        var hasCertificate = !string.IsNullOrEmpty(credentials.ClientCertificateData) || !string.IsNullOrEmpty(credentials.ClientCertificate);
        var known = !string.IsNullOrWhiteSpace(credentials.Token) || hasCertificate || credentials.AuthProvider is not null
            || (!string.IsNullOrWhiteSpace(credentials.UserName) && !string.IsNullOrWhiteSpace(credentials.Password));
        if (!known)
        {
            return null;
        }

        return new User
        {
            Name = user.Name,
            UserCredentials = new UserCredentials
            {
                Token = credentials.Token,
                ClientCertificate = credentials.ClientCertificate,
                ClientCertificateData = credentials.ClientCertificateData,
                ClientKey = credentials.ClientKey,
                ClientKeyData = credentials.ClientKeyData,
                UserName = credentials.UserName,
                Password = credentials.Password,
                AuthProvider = credentials.AuthProvider,
            },
        };
    }
}
