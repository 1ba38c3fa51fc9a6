using DrainOrchestrator.Kubernetes.Client.Retry;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>Behaviour of a <see cref="KubernetesClient"/> beyond its connection: retries and logging.</summary>
public sealed class KubernetesClientOptions
{
    /// <summary>Retries of back-off failures; <see cref="KubernetesRetryOptions.None"/> makes every call once.</summary>
    public KubernetesRetryOptions Retry { get; set; } = new();

    /// <summary>Where requests (method, path, status, duration) are logged at debug level; none by default.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
