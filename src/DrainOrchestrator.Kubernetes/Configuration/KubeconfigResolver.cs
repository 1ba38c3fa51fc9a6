namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Turns one context of a merged kubeconfig into connection settings, reporting what is missing or wrong.</summary>
internal static class KubeconfigResolver
{
    public static KubernetesConnectionSettings Resolve(Kubeconfig config, KubeconfigLoadOptions options)
    {
        var firstFile = config.Files.Count > 0 ? config.Files[0].Path : null;
        var contextName = options.Context ?? config.CurrentContext;
        if (string.IsNullOrEmpty(contextName))
        {
            throw new KubernetesConfigurationException(firstFile, null, "current-context",
                "is not set and no context was given (--context)");
        }

        if (!config.Contexts.TryGetValue(contextName, out var context))
        {
            var file = options.Context is null ? config.CurrentContextFile : firstFile;
            throw new KubernetesConfigurationException(file, contextName, $"contexts[{contextName}]", "no such context");
        }

        if (string.IsNullOrEmpty(context.Cluster))
        {
            throw new KubernetesConfigurationException(context.SourceFile, contextName, "context.cluster", "is missing");
        }

        if (!config.Clusters.TryGetValue(context.Cluster, out var cluster))
        {
            throw new KubernetesConfigurationException(context.SourceFile, contextName, $"clusters[{context.Cluster}]",
                "no such cluster");
        }

        KubeconfigUser? user = null;
        if (!string.IsNullOrEmpty(context.User) && !config.Users.TryGetValue(context.User, out user))
        {
            throw new KubernetesConfigurationException(context.SourceFile, contextName, $"users[{context.User}]",
                "no such user");
        }

        var server = ResolveServer(cluster, contextName);
        var credentials = user is null ? null : CreateCredentials(user, cluster, contextName, options);
        return new KubernetesConnectionSettings
        {
            Server = server,
            CertificateAuthorities = LoadAuthorities(cluster, contextName),
            ClientCertificate = user is null ? null : LoadClientCertificate(user, contextName),
            Credentials = credentials,
            TlsServerName = string.IsNullOrEmpty(cluster.TlsServerName) ? null : cluster.TlsServerName,
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            Namespace = options.Namespace ?? (string.IsNullOrEmpty(context.Namespace) ? "default" : context.Namespace),
            ContextName = contextName,
        };
    }

    private static Uri ResolveServer(KubeconfigCluster cluster, string contextName)
    {
        if (string.IsNullOrEmpty(cluster.Server))
        {
            throw new KubernetesConfigurationException(cluster.SourceFile, contextName, $"clusters[{cluster.Name}].cluster.server",
                "is missing");
        }

        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server)
            || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            throw new KubernetesConfigurationException(cluster.SourceFile, contextName, $"clusters[{cluster.Name}].cluster.server",
                $"'{cluster.Server}' is not an http(s) URL");
        }

        return server;
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2Collection? LoadAuthorities(
        KubeconfigCluster cluster, string contextName)
    {
        if (string.IsNullOrEmpty(cluster.CertificateAuthorityData) && string.IsNullOrEmpty(cluster.CertificateAuthority))
        {
            return null;
        }

        var prefix = $"clusters[{cluster.Name}].cluster.";
        var field = prefix + (string.IsNullOrEmpty(cluster.CertificateAuthorityData) ? "certificate-authority" : "certificate-authority-data");
        var pem = PemCertificates.ReadPem(cluster.CertificateAuthority, cluster.CertificateAuthorityData,
            prefix + "certificate-authority", prefix + "certificate-authority-data", cluster.SourceFile, contextName);
        return PemCertificates.LoadAuthorities(pem, cluster.SourceFile, contextName, field);
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2? LoadClientCertificate(
        KubeconfigUser user, string contextName)
    {
        var prefix = $"users[{user.Name}].user.";
        var hasCertificate = !string.IsNullOrEmpty(user.ClientCertificateData) || !string.IsNullOrEmpty(user.ClientCertificate);
        var hasKey = !string.IsNullOrEmpty(user.ClientKeyData) || !string.IsNullOrEmpty(user.ClientKey);
        if (!hasCertificate && !hasKey)
        {
            return null;
        }

        if (!hasKey)
        {
            throw new KubernetesConfigurationException(user.SourceFile, contextName, prefix + "client-key",
                "is missing while a client certificate is set (client-key or client-key-data)");
        }

        if (!hasCertificate)
        {
            throw new KubernetesConfigurationException(user.SourceFile, contextName, prefix + "client-certificate",
                "is missing while a client key is set (client-certificate or client-certificate-data)");
        }

        var certificatePem = PemCertificates.ReadPem(user.ClientCertificate, user.ClientCertificateData,
            prefix + "client-certificate", prefix + "client-certificate-data", user.SourceFile, contextName);
        var keyPem = PemCertificates.ReadPem(user.ClientKey, user.ClientKeyData, prefix + "client-key",
            prefix + "client-key-data", user.SourceFile, contextName);
        return PemCertificates.LoadClientCertificate(certificatePem, keyPem, user.SourceFile, contextName,
            prefix + "client-certificate");
    }

    private static ICredentialProvider? CreateCredentials(KubeconfigUser user, KubeconfigCluster cluster, string contextName,
        KubeconfigLoadOptions options)
    {
        if (user.Exec is not null)
        {
            return new ExecCredentialProvider(user, cluster, contextName, options.TimeProvider);
        }

        // As kubectl does, a token file wins over an inline token because it is the one that gets rotated.
        if (!string.IsNullOrEmpty(user.TokenFile))
        {
            if (!File.Exists(user.TokenFile))
            {
                throw new KubernetesConfigurationException(user.SourceFile, contextName, $"users[{user.Name}].user.tokenFile",
                    $"'{user.TokenFile}' does not exist");
            }

            return new TokenFileCredentialProvider(user.TokenFile, options.TokenFileRefreshInterval, options.TimeProvider);
        }

        return string.IsNullOrEmpty(user.Token) ? null : new StaticTokenCredentialProvider(user.Token);
    }
}
