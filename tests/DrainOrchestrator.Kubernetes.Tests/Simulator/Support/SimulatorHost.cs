using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Client.Retry;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Simulator.Api.Http;
using DrainOrchestrator.Simulator.Hosting;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator.Support;

/// <summary>
/// The simulator started in-process over HTTPS on a free loopback port with <see cref="SimulatorSeed"/>, and the
/// connection settings loaded from the kubeconfig it wrote, exactly as a user's <c>--kubeconfig</c> would be. One per
/// test class: classes run in parallel on separate simulators, the tests of one class one after another.
/// </summary>
public sealed class SimulatorHost : IAsyncLifetime
{
    /// <summary>How often an idle watch that asked for them gets a BOOKMARK.</summary>
    public static readonly TimeSpan BookmarkInterval = TimeSpan.FromMilliseconds(200);

    private readonly string _directory = Directory.CreateTempSubdirectory("k8s-sim-tests-").FullName;
    private RunningSimulator? _server;
    private KubernetesConnectionSettings? _settings;
    private SimulatorAdmin? _admin;

    public string KubeconfigPath => Path.Combine(_directory, "kubeconfig");

    /// <summary>What the kubeconfig resolved to.</summary>
    public KubernetesConnectionSettings Settings => _settings ?? throw new InvalidOperationException("not started");

    /// <summary>The admin API: faults, request counters, compaction.</summary>
    public SimulatorAdmin Admin => _admin ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var options = new SimulatorServerOptions
        {
            KubeconfigPath = KubeconfigPath,
            Seed = 11,
            Api = new ApiServerOptions { BookmarkInterval = BookmarkInterval },
        };
        _server = await SimulatorServer.StartAsync(options, new SimulatorSeed(), CancellationToken.None);
        _settings = KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = KubeconfigPath });
        _admin = new SimulatorAdmin(KubernetesHttpClientFactory.CreateHttpClient(_settings));
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A client on the kubeconfig's settings; retries are quick on the real clock unless told otherwise.</summary>
    public KubernetesClient CreateClient(TimeProvider? time = null, KubernetesRetryOptions? retry = null) =>
        KubernetesClient.Create(Settings, time, new KubernetesClientOptions { Retry = retry ?? QuickRetries() });

    /// <summary>A client whose every call ends with an HTTP timeout after <paramref name="timeout"/>.</summary>
    public KubernetesClient CreateClientWithHttpTimeout(TimeSpan timeout, KubernetesRetryOptions retry)
    {
        var http = KubernetesHttpClientFactory.CreateHttpClient(Settings);
        http.Timeout = timeout;
        return new KubernetesClient(http, TimeProvider.System, new KubernetesClientOptions { Retry = retry }, disposeHttpClient: true);
    }

    /// <summary>A client that authenticates as the ServiceAccount NAMESPACE/NAME (created when missing): only what RBAC grants it.</summary>
    public KubernetesClient CreateServiceAccountClient(string @namespace, string name) =>
        KubernetesClient.Create(Settings with { Credentials = new StaticTokenCredentialProvider(_server!.ServiceAccountToken(@namespace, name)) },
            null, new KubernetesClientOptions { Retry = QuickRetries() });

    /// <summary>Three attempts with short back-offs: enough for a real-clock test to get past one failure.</summary>
    public static KubernetesRetryOptions QuickRetries(int attempts = 3) => new()
    {
        MaxAttempts = attempts,
        BaseDelay = TimeSpan.FromMilliseconds(50),
        MaxDelay = TimeSpan.FromMilliseconds(200),
    };
}
