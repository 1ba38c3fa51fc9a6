namespace DrainOrchestrator.Kubernetes.Client.Watching;

/// <summary>Defaults of <see cref="ListWatchOptions"/>.</summary>
internal static class ListWatchConstants
{
    public const int DefaultPageSize = 500;

    public const int EventBufferCapacity = 1024;

    public static readonly TimeSpan DefaultWatchTimeout = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan DefaultClientTimeoutGrace = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultReconnectBaseDelay = TimeSpan.FromMilliseconds(200);

    public static readonly TimeSpan DefaultReconnectMaxDelay = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultMinHealthyWatch = TimeSpan.FromSeconds(1);
}
