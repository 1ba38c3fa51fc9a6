using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Learning;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Application.Clusters;

/// <summary>One cluster, opened once per process: its client, an informer-backed view and the actions the engine takes.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private ClusterConnection(KubernetesClient client, InformerClusterView view, IClusterActions actions, string cluster, string? context)
    {
        (Client, View, Actions, Cluster, Context) = (client, view, actions, cluster, context);
    }

    /// <summary>The client.</summary>
    public KubernetesClient Client { get; }

    /// <summary>The informers' view of the cluster.</summary>
    public InformerClusterView View { get; }

    /// <summary>What the engine does to the cluster.</summary>
    public IClusterActions Actions { get; }

    /// <summary>The cluster's identity in the database: its API server address.</summary>
    public string Cluster { get; }

    /// <summary>The kubeconfig context used, when there was one.</summary>
    public string? Context { get; }

    /// <summary>Where plans read the guests' dirty rates (<see cref="ClusterTarget.Prometheus"/>); null without metrics.</summary>
    public PrometheusReader? Metrics { get; private init; }

    /// <summary>How this connection was found: what a job on any replica needs to open the same cluster again.</summary>
    public ClusterTarget Target { get; private init; } = new();

    /// <summary>Finds the cluster as kubectl does, connects and lists everything; throws <see cref="ClusterUnavailableException"/>.</summary>
    public static async Task<ClusterConnection> OpenAsync(ClusterTarget target, TimeProvider timeProvider, ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        // Bad metrics options are the user's to fix before anything connects.
        if (target.Prometheus?.Problems() is { Count: > 0 } problems)
        {
            throw new ClusterUnavailableException(string.Join("; ", problems), isConfiguration: true, isRetryable: false, null);
        }

        var (client, settings) = ClusterClients.Create(target, timeProvider, loggerFactory);
        try
        {
            // The wait is the network's, in wall time, whatever the engine's clock (a cluster clock may run 20 times faster).
            var view = await InformerClusterView.StartAsync(client, target.FirstListWithin, TimeProvider.System, cancellationToken);
            var actions = new KubernetesClusterActions(client, timeProvider, target.LeaseNamespace);
            return new ClusterConnection(client, view, actions, settings.Server.ToString().TrimEnd('/'), target.Context)
            {
                Metrics = target.Prometheus is null ? null : new PrometheusReader(target.Prometheus, timeProvider),
                Target = target,
            };
        }
        catch (KubernetesApiException ex)
        {
            client.Dispose();
            throw new ClusterUnavailableException($"cannot read the cluster at {settings.Server}: {ex.Message}", isConfiguration: false,
                ex.IsRetryable, ex);
        }
        catch (TimeoutException ex)
        {
            client.Dispose();
            throw new ClusterUnavailableException($"cannot read the cluster at {settings.Server}: {ex.Message}; check that it is up and " +
                "reachable from here (kubectl --kubeconfig ... get nodes)", isConfiguration: false, isRetryable: true, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await View.DisposeAsync();
        Client.Dispose();
        Metrics?.Dispose();
    }
}
