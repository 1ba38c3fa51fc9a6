using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Configuration;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Bench.Harness.Runs;

/// <summary><c>drain-sim serve</c> as its own process, with a client for its admin API (<c>/sim/v1/</c>).</summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private SimulatorProcess(ChildProcess process, HttpClient http, string kubeconfig)
    {
        _process = process;
        _http = http;
        KubeconfigPath = kubeconfig;
    }

    public string KubeconfigPath { get; }

    public int ProcessId => _process.Id;

    public string Output => _process.Output;

    public static async Task<SimulatorProcess> StartAsync(string dll, string scenario, double speed, string directory)
    {
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        var process = ChildProcess.Start(dll,
        [
            "serve", "--scenario", scenario, "--speed", speed.ToString(CultureInfo.InvariantCulture), "--kubeconfig-out", kubeconfig,
            "--ground-truth-out", Path.Combine(directory, "ground-truth.json"),
        ]);
        try
        {
            await process.WaitForOutputAsync("drain-sim listening on", TimeSpan.FromSeconds(120));
            var settings = KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = kubeconfig });
            return new SimulatorProcess(process, KubernetesHttpClientFactory.CreateHttpClient(settings), kubeconfig);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Zeroes the API request counters (<c>DELETE /sim/v1/requests</c>).</summary>
    public async Task ResetRequestCountsAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri("/sim/v1/requests", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The ground truth with the request counts (<c>GET /sim/v1/ground-truth</c>).</summary>
    public async Task<JsonObject> GroundTruthAsync(CancellationToken cancellationToken)
    {
        var text = await _http.GetStringAsync(new Uri("/sim/v1/ground-truth", UriKind.Relative), cancellationToken);
        return JsonNode.Parse(text)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.StopAsync(TimeSpan.FromSeconds(10));
        await _process.DisposeAsync();
    }
}
