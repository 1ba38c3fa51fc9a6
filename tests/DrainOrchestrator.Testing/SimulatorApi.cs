using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Testing;

/// <summary>
/// One cluster that drain-sim serves on its own port: a client for its Kubernetes API, and one for its admin API
/// (<c>/sim/v1/</c>: ground truth, faults, request counts). <see cref="SimulatorProcess"/> is the first cluster (and
/// owns the process); <see cref="SimulatorPeer"/> the second of a two-cluster run.
/// </summary>
public abstract class SimulatorApi
{
    private readonly HttpClient _http;

    private protected SimulatorApi(string kubeconfigPath)
    {
        KubeconfigPath = kubeconfigPath;
        var settings = KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = kubeconfigPath });
        Server = settings.Server.ToString().TrimEnd('/');
        _http = KubernetesHttpClientFactory.CreateHttpClient(settings);
        Client = KubernetesClient.Create(settings, TimeProvider.System);
    }

    /// <summary>The kubeconfig drain-sim wrote for this cluster.</summary>
    public string KubeconfigPath { get; }

    /// <summary>The API server's address: the cluster's identity in the database.</summary>
    public string Server { get; }

    public KubernetesClient Client { get; }

    /// <summary>This cluster's account of what really happened (<c>GET /sim/v1/ground-truth</c>), request counts included.</summary>
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

    /// <summary>Sends a request to this cluster (admin API or Kubernetes API, as kubectl would) and returns its status code.</summary>
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

    /// <summary>
    /// Disposes the two clients. Not <see cref="IDisposable"/> here: <see cref="SimulatorProcess"/> must be disposed
    /// asynchronously (it stops drain-sim), and a synchronous <c>using</c> on it would leave the process running.
    /// </summary>
    private protected void DisposeClients()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
