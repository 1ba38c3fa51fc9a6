using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Rehearsals;

/// <summary>
/// The rehearsal through the API (issue 19, deliverable 2: "drainctl rehearse (and the API)"): an operator posts a
/// snapshot's text, a worker of the server rehearses it in a private drain-sim and PostgreSQL, and anyone who may read
/// gets the result by id. The server's own cluster sees reads only; a viewer cannot start one; bad input is refused
/// with every problem at once; a rehearsal can be cancelled, once.
/// </summary>
public sealed class RehearsalApiTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly IReadOnlyDictionary<string, string> FindsDrainSim =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["DRAIN_SIM_DLL"] = Programs.DrainSim };

    [Fact]
    public async Task Post_SnapshotOfTheServersCluster_RehearsesOnAWorkerAndTheClusterSeesReadsOnly()
    {
        await using var source = await SimulatorProcess.StartAsync("demo", 1);
        var scenario = await SnapshotAsync(source);
        var onNode = (await source.VmisAsync()).Values.Count(v => v.Status?.NodeName == "worker-a1" && v.Status.Phase == "Running");
        var tokens = await ApiTokens.CreateAsync(Path.GetDirectoryName(source.KubeconfigPath)!);
        await using var server = await ServerProcess.StartAsync(source.KubeconfigPath, database.ConnectionString, tokens.Path, FindsDrainSim);
        await source.ResetRequestCountsAsync();
        var body = new JsonObject
        {
            ["scenario"] = scenario,
            ["nodes"] = new JsonArray("worker-a1"),
            ["policy"] = new JsonObject { ["nonMigratable"] = "skip" },
            ["speed"] = 50,
            ["windowMinutes"] = 600,
        };

        using var viewer = server.Client(tokens.Viewer);
        using var refused = await viewer.PostAsJsonAsync("api/v1/rehearsals", body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var operatorClient = server.Client(tokens.Operator);
        using var accepted = await operatorClient.PostAsJsonAsync("api/v1/rehearsals", body);
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var location = accepted.Headers.Location!.ToString();
        var queued = JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!;
        Assert.Equal(location, "/api/v1/rehearsals/" + (string?)queued["id"]);
        Assert.Equal("otto", (string?)queued["requestedBy"]);

        var done = await WaitEndedAsync(viewer, location, TimeSpan.FromMinutes(4));
        Assert.True((string?)done["state"] == "succeeded", done.ToJsonString());
        var result = done["result"]!;
        Assert.Equal("succeeded", (string?)result["state"]);
        Assert.Equal(onNode, (int)result["migrations"]!);
        Assert.True((double)result["makespanSeconds"]! > 0, done.ToJsonString());
        Assert.True((bool)result["window"]!["fits"]!, done.ToJsonString());
        Assert.NotNull(done["finishedAt"]);

        // The server watched its cluster all along; the rehearsal added no write to it.
        var requests = (await source.GetAdminAsync("/sim/v1/requests"))["requests"]!.AsArray();
        Assert.All(requests, r => Assert.Contains((string?)r!["verb"], new[] { "get", "list", "watch" }));
    }

    [Fact]
    public async Task Post_BadRequest_NamesEveryProblemAtOnce_AndACancelEndsItOnce()
    {
        await using var source = await SimulatorProcess.StartAsync("demo", 1);
        var tokens = await ApiTokens.CreateAsync(Path.GetDirectoryName(source.KubeconfigPath)!);
        await using var server = await ServerProcess.StartAsync(source.KubeconfigPath, database.ConnectionString, tokens.Path, FindsDrainSim);
        using var client = server.Client(tokens.Operator);

        using var bad = await client.PostAsJsonAsync("api/v1/rehearsals", new JsonObject
        {
            ["nodes"] = "worker-a1",
            ["speed"] = 500,
            ["kubevirtTimeoutMinutes"] = -1,
            ["colour"] = "red",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = (await bad.Content.ReadAsStringAsync()).ReplaceLineEndings(" ");
        foreach (var field in new[] { "scenario is required", "nodes must be an array", "speed must be a number from 1 to 200",
            "kubevirtTimeoutMinutes must be more than 0", "'colour' is not a field" })
        {
            Assert.Contains(field, problems, StringComparison.Ordinal);
        }

        // A scenario that is not YAML is refused before any drain-sim starts, with its line and column.
        using var broken = await client.PostAsJsonAsync("api/v1/rehearsals", new JsonObject
        {
            ["scenario"] = "nodes: [",
            ["nodes"] = new JsonArray("worker-a1"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("the scenario is not valid YAML at line", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A long rehearsal (speed 1) cancelled at once: it ends cancelled, and a second cancel is refused.
        using var accepted = await client.PostAsJsonAsync("api/v1/rehearsals", new JsonObject
        {
            ["scenario"] = await SnapshotAsync(source),
            ["nodes"] = new JsonArray("worker-a1"),
            ["speed"] = 1,
        });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.ToString();
        using var cancel = await client.DeleteAsync(location);
        Assert.True(cancel.StatusCode == HttpStatusCode.Accepted, await cancel.Content.ReadAsStringAsync());
        var ended = await WaitEndedAsync(client, location, TimeSpan.FromMinutes(1));
        Assert.Equal("cancelled", (string?)ended["state"]);
        using var again = await client.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var missing = await client.GetAsync("api/v1/rehearsals/999999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<string> SnapshotAsync(SimulatorProcess source)
    {
        var file = Path.Combine(Path.GetTempPath(), $"rehearse-api-{Guid.NewGuid():N}.yaml");
        try
        {
            var (code, output) = await Drainctl.RunAsync("snapshot", "--kubeconfig", source.KubeconfigPath, "--out", file);
            Assert.True(code == 0, output);
            return await File.ReadAllTextAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<JsonNode> WaitEndedAsync(HttpClient client, string location, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var view = JsonNode.Parse(await client.GetStringAsync(location, deadline.Token))!;
            if ((string?)view["state"] is "succeeded" or "failed" or "cancelled")
            {
                return view;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token);
        }
    }
}
