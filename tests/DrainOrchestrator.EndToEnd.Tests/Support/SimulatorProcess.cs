using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary><c>drain-sim serve</c> as its own process on a free port, with a client for its API and its ground truth.</summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _directory;
    private readonly HttpClient _http;

    private SimulatorProcess(ChildProcess process, string directory, KubernetesConnectionSettings settings)
    {
        (_process, _directory) = (process, directory);
        Server = settings.Server.ToString().TrimEnd('/');
        _http = KubernetesHttpClientFactory.CreateHttpClient(settings);
        Client = KubernetesClient.Create(settings, TimeProvider.System);
    }

    public string KubeconfigPath => Path.Combine(_directory, "kubeconfig");

    /// <summary>The API server's address: the cluster's identity in the database.</summary>
    public string Server { get; }

    public KubernetesClient Client { get; }

    public string Output => _process.Output;

    /// <summary>Starts the simulator on <paramref name="scenario"/> (a file under Scenarios/ or a built-in name).</summary>
    public static async Task<SimulatorProcess> StartAsync(string scenario, double speed, params string[] extra)
    {
        var directory = Path.Combine(Path.GetTempPath(), "drain-e2e", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario);
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        var process = ChildProcess.Start(Programs.DrainSim,
        [
            "serve", "--scenario", File.Exists(file) ? file : scenario, "--speed", speed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--kubeconfig-out", kubeconfig, .. extra,
        ]);
        try
        {
            await process.WaitForOutputAsync("drain-sim listening on", TimeSpan.FromSeconds(60));
            var settings = KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = kubeconfig });
            return new SimulatorProcess(process, directory, settings);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The simulator's account of what really happened (<c>/sim/v1/ground-truth</c>).</summary>
    public async Task<GroundTruth> GroundTruthAsync()
    {
        var text = await _http.GetStringAsync(new Uri("/sim/v1/ground-truth", UriKind.Relative));
        return new GroundTruth(JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Every VMI, by namespace/name.</summary>
    public async Task<IReadOnlyDictionary<string, VirtualMachineInstance>> VmisAsync()
    {
        var list = await Client.ListAllAsync<VirtualMachineInstance>(null, null, CancellationToken.None);
        return list.Items.ToDictionary(v => v.Metadata.Namespace + "/" + v.Metadata.Name, StringComparer.Ordinal);
    }

    /// <summary>Injects API faults through the admin API (<c>/sim/v1/faults</c>).</summary>
    public async Task PostAdminAsync(string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>GETs a JSON document of the admin API, e.g. <c>/sim/v1/faults</c>.</summary>
    public async Task<JsonObject> GetAdminAsync(string path) =>
        JsonNode.Parse(await _http.GetStringAsync(new Uri(path, UriKind.Relative)))!.AsObject();

    /// <summary>Sends a request to the simulator (admin API or Kubernetes API, as kubectl would) and returns its status code.</summary>
    public async Task<System.Net.HttpStatusCode> SendAsync(HttpMethod method, string path, string? json = null,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>How many requests of this verb on this resource the API server answered so far, faulted ones included.</summary>
    public async Task<long> RequestCountAsync(string verb, string resource)
    {
        var text = await _http.GetStringAsync(new Uri("/sim/v1/requests", UriKind.Relative));
        return JsonNode.Parse(text)!["requests"]!.AsArray()
            .Where(r => (string?)r!["verb"] == verb && (string?)r["resource"] == resource)
            .Sum(r => (long)r!["count"]!);
    }

    /// <summary>Deletes through the admin API, e.g. every API fault rule (<c>DELETE /sim/v1/faults</c>).</summary>
    public async Task DeleteAdminAsync(string path)
    {
        using var response = await _http.DeleteAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _http.Dispose();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
