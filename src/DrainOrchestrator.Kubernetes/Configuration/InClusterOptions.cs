namespace DrainOrchestrator.Kubernetes.Configuration;

/// <summary>Where the in-cluster configuration comes from; every source is replaceable for tests.</summary>
public sealed class InClusterOptions
{
    /// <summary>The default service-account directory mounted into every pod.</summary>
    public const string DefaultServiceAccountPath = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>The directory holding <c>token</c>, <c>ca.crt</c> and <c>namespace</c>.</summary>
    public string ServiceAccountPath { get; set; } = DefaultServiceAccountPath;

    /// <summary>Reads KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    /// <summary>The clock used for token refresh.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How often the rotating token is re-read (kubelet rotates it well before expiry; client-go re-reads each minute).</summary>
    public TimeSpan TokenRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
