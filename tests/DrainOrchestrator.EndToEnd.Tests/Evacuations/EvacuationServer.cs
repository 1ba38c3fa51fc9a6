using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Evacuations;

/// <summary>
/// drain-sim's evacuation scenario (the gate on) behind a <c>drainctl serve</c> process, with an operator's and a
/// viewer's API client: what the evacuation API tests start from.
/// </summary>
internal sealed class EvacuationServer : IAsyncDisposable
{
    private EvacuationServer(SimulatorProcess sim, ServerProcess server, HttpClient operatorClient, HttpClient viewer)
    {
        (Sim, Server, Operator, Viewer) = (sim, server, operatorClient, viewer);
    }

    public SimulatorProcess Sim { get; }

    public ServerProcess Server { get; }

    public HttpClient Operator { get; }

    public HttpClient Viewer { get; }

    public static async Task<EvacuationServer> StartAsync(string connectionString, double speed)
    {
        var sim = await SimulatorProcess.StartAsync("evacuation.yaml", speed);
        try
        {
            await EvacuationSim.SetGateAsync(sim, on: true);
            var tokens = await ApiTokens.CreateAsync(Path.GetDirectoryName(sim.KubeconfigPath)!);
            var server = await ServerProcess.StartAsync(sim.KubeconfigPath, connectionString, tokens.Path);
            return new EvacuationServer(sim, server, server.Client(tokens.Operator), server.Client(tokens.Viewer));
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    /// <summary>POSTs the evacuation of the scenario's <c>app=web</c> VMs as the operator, asserts 202, and returns its Location.</summary>
    public async Task<string> StartEvacuationAsync(int? maxAttempts = null)
    {
        using var post = await Operator.PostAsync("/api/v1/evacuations", JsonContent.Create(new
        {
            sourceNamespace = EvacuationSim.Source,
            targetNamespace = EvacuationSim.Target,
            selector = "app=web",
            maxAttempts,
        }));
        var body = await post.Content.ReadAsStringAsync();
        Assert.True(post.StatusCode == HttpStatusCode.Accepted, body);
        var location = post.Headers.Location!.ToString();
        Assert.StartsWith("/api/v1/evacuations/", location, StringComparison.Ordinal);
        return location;
    }

    /// <summary>Polls the evacuation as the viewer until <paramref name="done"/> holds; fails with the server's output after <paramref name="patience"/>, which only guards a hang.</summary>
    public async Task<JsonNode> PollAsync(string location, Func<JsonNode, bool> done, TimeSpan patience)
    {
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        while (true)
        {
            var evacuation = JsonNode.Parse(await Viewer.GetStringAsync(location))!;
            if (done(evacuation))
            {
                return evacuation;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"timed out: {evacuation.ToJsonString()}\n{Server.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Operator.Dispose();
        Viewer.Dispose();
        await Server.DisposeAsync();
        await Sim.DisposeAsync();
    }
}
