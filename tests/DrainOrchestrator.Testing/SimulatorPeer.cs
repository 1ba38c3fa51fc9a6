using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Configuration;

namespace DrainOrchestrator.Testing;

/// <summary>
/// The second cluster of a two-cluster <c>drain-sim serve --peer-scenario</c> (<see cref="SimulatorProcess.Peer"/>): its own
/// port, kubeconfig, Kubernetes API and admin API (its own ground truth); the process and its lifetime stay the first's.
/// </summary>
public sealed class SimulatorPeer : IDisposable
{
    private readonly HttpClient _http;

    internal SimulatorPeer(string kubeconfigPath)
    {
        KubeconfigPath = kubeconfigPath;
        var settings = KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = kubeconfigPath });
        Server = settings.Server.ToString().TrimEnd('/');
        _http = KubernetesHttpClientFactory.CreateHttpClient(settings);
        Client = KubernetesClient.Create(settings, TimeProvider.System);
    }

    /// <summary>The kubeconfig drain-sim wrote for this cluster (<c>--peer-kubeconfig-out</c>).</summary>
    public string KubeconfigPath { get; }

    /// <summary>Its API server's address: the cluster's identity in the database.</summary>
    public string Server { get; }

    public KubernetesClient Client { get; }

    /// <summary>This cluster's own account of what really happened (<c>GET /sim/v1/ground-truth</c> on its port).</summary>
    public Task<JsonObject> GroundTruthDocumentAsync(CancellationToken cancellationToken = default) =>
        GetAdminAsync("/sim/v1/ground-truth", cancellationToken);

    /// <summary>GETs a JSON document of this cluster's admin API.</summary>
    public async Task<JsonObject> GetAdminAsync(string path, CancellationToken cancellationToken = default) =>
        JsonNode.Parse(await _http.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken))!.AsObject();

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

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
