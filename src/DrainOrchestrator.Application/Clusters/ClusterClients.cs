using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Configuration;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Clusters;

/// <summary>A client of the cluster a <see cref="ClusterTarget"/> names, found the way kubectl finds it.</summary>
internal static class ClusterClients
{
    /// <summary>The client and the API server's address; throws <see cref="ClusterUnavailableException"/> on a configuration problem.</summary>
    public static (KubernetesClient Client, KubernetesConnectionSettings Settings) Create(ClusterTarget target, TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(target);
        KubernetesConnectionSettings settings;
        try
        {
            settings = KubeconfigLoader.LoadDefault(new KubeconfigLoadOptions
            {
                ExplicitPath = target.Kubeconfig,
                Context = target.Context,
                TimeProvider = timeProvider,
                AllowInsecure = target.AllowInsecure,
            });
        }
        catch (Exception ex) when (ex is KubernetesConfigurationException or IOException or FormatException or UnauthorizedAccessException)
        {
            var where = target.Kubeconfig is null ? "the kubeconfig (KUBECONFIG, ~/.kube/config, or in-cluster)" : $"kubeconfig '{target.Kubeconfig}'";
            throw new ClusterUnavailableException($"cannot use {where}: {ex.Message}", isConfiguration: true, isRetryable: false, ex);
        }

        foreach (var reason in settings.InsecureReasons)
        {
            DrainLog.InsecureKubernetes(loggerFactory.CreateLogger<ClusterConnection>(), reason);
        }

        return (KubernetesClient.Create(settings, timeProvider, new KubernetesClientOptions { LoggerFactory = loggerFactory }), settings);
    }
}
