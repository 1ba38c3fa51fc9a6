using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.KubeConfigModels;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Checks what a context needs before KubernetesClient resolves it, and reports every problem at once, each with its file,
/// context and field. (The library stops at the first problem, and its messages name neither file nor field.)
/// </summary>
internal static class KubeconfigChecks
{
    public static (KubeconfigEntry<Cluster> Cluster, KubeconfigEntry<(User User, KubeconfigUserExtras? Extras)>? User) Check(
        Kubeconfig config, KubeconfigEntry<Context> context, string contextName, bool allowInsecure)
    {
        var problems = new ConfigurationProblems();
        var details = context.Value.ContextDetails;
        KubeconfigEntry<Cluster>? cluster = null;
        if (string.IsNullOrEmpty(details.Cluster))
        {
            problems.Add(context.SourceFile, contextName, "context.cluster", "is missing: name a cluster entry");
        }
        else if (!config.Clusters.TryGetValue(details.Cluster, out cluster))
        {
            problems.Add(context.SourceFile, contextName, $"clusters[{details.Cluster}]", "no such cluster: add it or fix the context");
        }
        else
        {
            CheckCluster(cluster, contextName, allowInsecure, problems);
        }

        KubeconfigEntry<(User User, KubeconfigUserExtras? Extras)>? user = null;
        if (!string.IsNullOrEmpty(details.User) && !config.Users.TryGetValue(details.User, out user))
        {
            problems.Add(context.SourceFile, contextName, $"users[{details.User}]", "no such user: add it or fix the context");
        }
        else if (user is not null)
        {
            CheckUser(user, contextName, problems);
        }

        problems.ThrowIfAny();
        return (cluster!, user);
    }

    /// <summary>
    /// Loads the client certificate of the paths or data KubernetesClient resolved for the context. The loading is ours:
    /// the library's <c>CertUtils</c> is internal in version 21, and it reports a bad key without naming the field.
    /// </summary>
    public static X509Certificate2? ClientCertificate(KubernetesClientConfiguration library,
        KubeconfigEntry<(User User, KubeconfigUserExtras? Extras)> user, string contextName)
    {
        var hasCertificate = !string.IsNullOrEmpty(library.ClientCertificateData) || !string.IsNullOrEmpty(library.ClientCertificateFilePath);
        var hasKey = !string.IsNullOrEmpty(library.ClientCertificateKeyData) || !string.IsNullOrEmpty(library.ClientKeyFilePath);
        if (!hasCertificate || !hasKey)
        {
            return null;
        }

        var prefix = $"users[{user.Value.User.Name}].user.";
        var certificatePem = PemCertificates.ReadPem(library.ClientCertificateFilePath, library.ClientCertificateData,
            prefix + "client-certificate", prefix + "client-certificate-data", user.SourceFile, contextName);
        var keyPem = PemCertificates.ReadPem(library.ClientKeyFilePath, library.ClientCertificateKeyData, prefix + "client-key",
            prefix + "client-key-data", user.SourceFile, contextName);
        return PemCertificates.LoadClientCertificate(certificatePem, keyPem, user.SourceFile, contextName, prefix + "client-certificate");
    }

    private static void CheckCluster(KubeconfigEntry<Cluster> cluster, string contextName, bool allowInsecure, ConfigurationProblems problems)
    {
        var endpoint = cluster.Value.ClusterEndpoint;
        var prefix = $"clusters[{cluster.Value.Name}].cluster.";
        if (string.IsNullOrEmpty(endpoint.Server))
        {
            problems.Add(cluster.SourceFile, contextName, prefix + "server", "is missing: set the API server URL (https://host:port)");
        }
        else if (!Uri.TryCreate(endpoint.Server, UriKind.Absolute, out var server)
            || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(cluster.SourceFile, contextName, prefix + "server", $"'{endpoint.Server}' is not an http(s) URL: write it as https://host:port");
        }
        else if (server.Scheme == Uri.UriSchemeHttp && !allowInsecure)
        {
            problems.Add(cluster.SourceFile, contextName, prefix + "server",
                $"'{endpoint.Server}' is plain HTTP: the token and every request would travel unencrypted. Write it as https://, or pass --allow-insecure-kubernetes to accept it (not retryable as is)");
        }

        var hasAuthority = !string.IsNullOrEmpty(endpoint.CertificateAuthorityData) || !string.IsNullOrEmpty(endpoint.CertificateAuthority);
        if (endpoint.SkipTlsVerify && hasAuthority)
        {
            // kubectl refuses this pair too: a CA was given to be used, so skipping verification silently would be wrong.
            problems.Add(cluster.SourceFile, contextName, prefix + "insecure-skip-tls-verify",
                "is true while certificate-authority(-data) is set: remove insecure-skip-tls-verify to verify the server against that CA");
        }
        else if (endpoint.SkipTlsVerify && !allowInsecure)
        {
            problems.Add(cluster.SourceFile, contextName, prefix + "insecure-skip-tls-verify",
                "is true: the server's certificate would not be checked, so anyone on the path could take the token. Set certificate-authority(-data) instead, or pass --allow-insecure-kubernetes to accept it");
        }

        if (!hasAuthority)
        {
            return;
        }

        var field = prefix + (string.IsNullOrEmpty(endpoint.CertificateAuthorityData) ? "certificate-authority" : "certificate-authority-data");
        problems.Try(() =>
        {
            var pem = PemCertificates.ReadPem(endpoint.CertificateAuthority, endpoint.CertificateAuthorityData,
                prefix + "certificate-authority", prefix + "certificate-authority-data", cluster.SourceFile, contextName);
            foreach (var authority in PemCertificates.LoadAuthorities(pem, cluster.SourceFile, contextName, field))
            {
                authority.Dispose();
            }

            return true;
        });
    }

    private static void CheckUser(KubeconfigEntry<(User User, KubeconfigUserExtras? Extras)> entry, string contextName,
        ConfigurationProblems problems)
    {
        var (user, extras) = entry.Value;
        var credentials = user.UserCredentials;
        var prefix = $"users[{user.Name}].user.";
        if (extras?.TokenFile is { } tokenFile && !File.Exists(tokenFile))
        {
            problems.Add(entry.SourceFile, contextName, prefix + "tokenFile", $"'{tokenFile}' does not exist");
        }

        if (credentials is null)
        {
            return;
        }

        var hasCertificate = !string.IsNullOrEmpty(credentials.ClientCertificateData) || !string.IsNullOrEmpty(credentials.ClientCertificate);
        var hasKey = !string.IsNullOrEmpty(credentials.ClientKeyData) || !string.IsNullOrEmpty(credentials.ClientKey);
        if (hasCertificate && !hasKey)
        {
            problems.Add(entry.SourceFile, contextName, prefix + "client-key",
                "is missing while a client certificate is set (client-key or client-key-data)");
        }
        else if (hasKey && !hasCertificate)
        {
            problems.Add(entry.SourceFile, contextName, prefix + "client-certificate",
                "is missing while a client key is set (client-certificate or client-certificate-data)");
        }
        else if (hasCertificate)
        {
            problems.Try(() => PemCertificates.ReadPem(credentials.ClientCertificate, credentials.ClientCertificateData,
                prefix + "client-certificate", prefix + "client-certificate-data", entry.SourceFile, contextName));
            problems.Try(() => PemCertificates.ReadPem(credentials.ClientKey, credentials.ClientKeyData,
                prefix + "client-key", prefix + "client-key-data", entry.SourceFile, contextName));
        }
    }
}
