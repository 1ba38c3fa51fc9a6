namespace DrainOrchestrator.Kubernetes.Client.Retry;

/// <summary>Defaults of <see cref="KubernetesRetryOptions"/>.</summary>
internal static class KubernetesRetryConstants
{
    public const int DefaultMaxAttempts = 5;

    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultMaxRetryAfter = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan DefaultMaxTotalTime = TimeSpan.FromSeconds(60);
}
