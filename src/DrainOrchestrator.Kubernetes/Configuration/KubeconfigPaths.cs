using k8s.KubeConfigModels;

namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>
/// Makes the paths of one file absolute against that file's directory, as kubectl does. KubernetesClient resolves them
/// against the <c>FileName</c> of the merged configuration, which is the first file's, so a relative path from a second
/// KUBECONFIG file would point into the wrong directory: resolving before merging avoids that.
/// </summary>
internal static class KubeconfigPaths
{
    public static void MakeAbsolute(K8SConfiguration configuration, string directory)
    {
        foreach (var cluster in configuration.Clusters ?? [])
        {
            cluster.ClusterEndpoint.CertificateAuthority = Resolve(cluster.ClusterEndpoint.CertificateAuthority, directory);
        }

        foreach (var user in configuration.Users ?? [])
        {
            if (user.UserCredentials is not { } credentials)
            {
                continue;
            }

            credentials.ClientCertificate = Resolve(credentials.ClientCertificate, directory);
            credentials.ClientKey = Resolve(credentials.ClientKey, directory);

            // A command with a directory part is relative to the kubeconfig; a bare name is found on PATH.
            if (credentials.ExternalExecution is { Command: { Length: > 0 } command } exec
                && (command.Contains('/', StringComparison.Ordinal) || command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                exec.Command = Path.GetFullPath(command, directory);
            }
        }
    }

    public static string? Resolve(string? path, string directory)
        => string.IsNullOrEmpty(path) ? null : Path.GetFullPath(path, directory);
}
