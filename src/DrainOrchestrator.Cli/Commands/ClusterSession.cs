using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Errors;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Cli.Commands;

/// <summary>A connection to the cluster for one command: the client and an informer-backed view, or a clear error.</summary>
internal sealed class ClusterSession : IAsyncDisposable
{
    private ClusterSession(KubernetesClient client, InformerClusterView view, string cluster)
    {
        (Client, View, Cluster) = (client, view, cluster);
    }

    public KubernetesClient Client { get; }

    public InformerClusterView View { get; }

    /// <summary>The cluster's identity in the database: its API server address.</summary>
    public string Cluster { get; }

    /// <summary>Connects and lists everything; returns null after writing the error, with the exit code to use.</summary>
    public static async Task<(ClusterSession? Session, int ExitCode)> OpenAsync(string kubeconfig, string? context, ILoggerFactory loggerFactory,
        TextWriter error, CancellationToken cancellationToken)
    {
        KubernetesConnectionSettings settings;
        try
        {
            settings = KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = kubeconfig, Context = context });
        }
        catch (Exception ex) when (ex is KubernetesConfigurationException or IOException or FormatException)
        {
            await error.WriteLineAsync($"error: cannot use kubeconfig '{kubeconfig}': {ex.Message}");
            return (null, ExitCodes.BadInput);
        }

        var client = KubernetesClient.Create(settings, TimeProvider.System, new KubernetesClientOptions { LoggerFactory = loggerFactory });
        try
        {
            var view = await InformerClusterView.StartAsync(client, cancellationToken);
            return (new ClusterSession(client, view, settings.Server.ToString().TrimEnd('/')), ExitCodes.Success);
        }
        catch (KubernetesApiException ex)
        {
            client.Dispose();
            await error.WriteLineAsync($"error: cannot read the cluster at {settings.Server}: {ex.Message}{(ex.IsRetryable ? " (this may succeed if tried again)" : string.Empty)}");
            return (null, ExitCodes.Failed);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await View.DisposeAsync();
        Client.Dispose();
    }
}
