using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Testing;

/// <summary>
/// <c>drain-sim serve</c> as its own process on a free port, as the end-to-end tests and the benches run it: a client
/// for its Kubernetes API, and one for its admin API (<c>/sim/v1/</c>: ground truth, faults, request counts).
/// </summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly SimulatorLaunch _launch;
    private readonly string _directory;
    private readonly HttpClient _http;

    private SimulatorProcess(ChildProcess process, SimulatorLaunch launch, string directory, KubernetesConnectionSettings settings, SimulatorPeer? peer)
    {
        (_process, _launch, _directory, Peer) = (process, launch, directory, peer);
        Server = settings.Server.ToString().TrimEnd('/');
        _http = KubernetesHttpClientFactory.CreateHttpClient(settings);
        Client = KubernetesClient.Create(settings, TimeProvider.System);
    }

    public string KubeconfigPath => Path.Combine(_directory, "kubeconfig");

    /// <summary>Where drain-sim writes its ground truth on exit, when <see cref="SimulatorLaunch.GroundTruthOnExit"/> is set.</summary>
    public string GroundTruthPath => Path.Combine(_directory, "ground-truth.json");

    /// <summary>The API server's address: the cluster's identity in the database.</summary>
    public string Server { get; }

    public KubernetesClient Client { get; }

    /// <summary>The second cluster, when <see cref="SimulatorLaunch.PeerScenario"/> was given; null otherwise.</summary>
    public SimulatorPeer? Peer { get; }

    public int ProcessId => _process.Id;

    /// <summary>The speed it serves the cluster at: model seconds per wall-clock second.</summary>
    public double Speed => _launch.Speed;

    public string Output => _process.Output;

    /// <summary>Starts drain-sim and waits until it listens and has written its kubeconfig.</summary>
    public static async Task<SimulatorProcess> StartAsync(SimulatorLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var directory = launch.Directory ?? Path.Combine(Path.GetTempPath(), "drain-sim-runs", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        List<string> arguments =
        [
            "serve", "--scenario", launch.Scenario, "--speed", launch.Speed.ToString(CultureInfo.InvariantCulture),
            "--kubeconfig-out", kubeconfig,
        ];
        if (launch.GroundTruthOnExit)
        {
            arguments.AddRange(["--ground-truth-out", Path.Combine(directory, "ground-truth.json")]);
        }

        var peerKubeconfig = Path.Combine(directory, "peer-kubeconfig");
        if (launch.PeerScenario is { } peerScenario)
        {
            arguments.AddRange(["--peer-scenario", peerScenario, "--peer-kubeconfig-out", peerKubeconfig]);
        }

        var process = ChildProcess.Start(launch.Program, [.. arguments, .. launch.Arguments]);
        try
        {
            await process.WaitForOutputAsync("drain-sim listening on", launch.StartupTimeout).WaitAsync(cancellationToken);
            if (launch.PeerScenario is not null)
            {
                await process.WaitForOutputAsync("drain-sim peer cluster listening on", launch.StartupTimeout).WaitAsync(cancellationToken);
            }

            var settings = KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = kubeconfig });
            var peer = launch.PeerScenario is null ? null : new SimulatorPeer(peerKubeconfig);
            return new SimulatorProcess(process, launch, directory, settings, peer);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The simulator's account of what really happened (<c>GET /sim/v1/ground-truth</c>), request counts included.</summary>
    public Task<JsonObject> GroundTruthDocumentAsync(CancellationToken cancellationToken = default) =>
        GetAdminAsync("/sim/v1/ground-truth", cancellationToken);

    /// <summary>Every VMI, by namespace/name.</summary>
    public async Task<IReadOnlyDictionary<string, VirtualMachineInstance>> VmisAsync(CancellationToken cancellationToken = default)
    {
        var list = await Client.ListAllAsync<VirtualMachineInstance>(null, null, cancellationToken);
        return list.Items.ToDictionary(v => v.Metadata.Namespace + "/" + v.Metadata.Name, StringComparer.Ordinal);
    }

    /// <summary>POSTs to the admin API, e.g. a fault rule to <c>/sim/v1/faults</c>.</summary>
    public async Task PostAdminAsync(string path, string json, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>GETs a JSON document of the admin API, e.g. <c>/sim/v1/faults</c>.</summary>
    public async Task<JsonObject> GetAdminAsync(string path, CancellationToken cancellationToken = default) =>
        JsonNode.Parse(await _http.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken))!.AsObject();

    /// <summary>Deletes through the admin API, e.g. every API fault rule (<c>DELETE /sim/v1/faults</c>).</summary>
    public async Task DeleteAdminAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync(new Uri(path, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Zeroes the API request counters (<c>DELETE /sim/v1/requests</c>).</summary>
    public Task ResetRequestCountsAsync(CancellationToken cancellationToken = default) =>
        DeleteAdminAsync("/sim/v1/requests", cancellationToken);

    /// <summary>How many requests of this verb on this resource the API server answered so far, faulted ones included.</summary>
    public async Task<long> RequestCountAsync(string verb, string resource, CancellationToken cancellationToken = default)
    {
        var counts = await GetAdminAsync("/sim/v1/requests", cancellationToken);
        return counts["requests"]!.AsArray()
            .Where(r => (string?)r!["verb"] == verb && (string?)r["resource"] == resource)
            .Sum(r => (long)r!["count"]!);
    }

    /// <summary>Sends a request to the simulator (admin API or Kubernetes API, as kubectl would) and returns its status code.</summary>
    public async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string? json = null,
        string contentType = "application/json", CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        Peer?.Dispose();
        if (_launch.GroundTruthOnExit)
        {
            // SIGTERM, so drain-sim writes the ground truth before it exits.
            await _process.StopAsync(TimeSpan.FromSeconds(10));
        }

        await _process.DisposeAsync();
        if (_launch.Directory is null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: it is a temporary folder.
            }
        }
    }
}
