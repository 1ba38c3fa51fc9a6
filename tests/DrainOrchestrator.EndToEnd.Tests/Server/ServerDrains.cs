using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Server;

/// <summary>Starting and waiting for drains through a server's API, and judging them from the ground truth.</summary>
internal static class ServerDrains
{
    /// <summary>The create body: the nodes and a policy with a short retry backoff that leaves VMs that cannot move in place.</summary>
    public static string Body(params string[] nodes) =>
        new JsonObject
        {
            ["nodes"] = new JsonArray([.. nodes.Select(n => JsonValue.Create(n))]),
            ["policy"] = new JsonObject { ["retryBackoffSeconds"] = 1, ["nonMigratable"] = "skip" },
        }.ToJsonString();

    /// <summary>POSTs a drain with curl, as an operator's script would; returns its name.</summary>
    public static async Task<string> StartWithCurlAsync(ServerProcess server, string token, params string[] nodes)
    {
        var (status, body) = await Tool.CurlAsync("POST", new Uri(server.Url, "api/v1/drains"), token, Body(nodes));
        Assert.True(status == 202, $"{status}: {body}");
        return JsonNode.Parse(body)!["name"]!.GetValue<string>();
    }

    /// <summary>Polls until every drain is final; returns their states (bounded: a drain that hangs fails the test).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> WaitFinalAsync(HttpClient client, TimeSpan patience, params string[] names)
    {
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var name in names)
            {
                try
                {
                    var drain = await client.GetFromJsonAsync<JsonObject>($"api/v1/drains/{name}");
                    states[name] = drain!["state"]!.GetValue<string>();
                }
                catch (HttpRequestException)
                {
                    // A replica going down mid-request: ask again.
                }
            }

            if (states.Count == names.Length && states.Values.All(s => s is "succeeded" or "failed" or "cancelled"))
            {
                return states;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "drains not finished in time: " + string.Join(", ", states.Select(s => $"{s.Key}={s.Value}")));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>Waits until the drain's recorded state is <paramref name="state"/> (e.g. running once a replica took it).</summary>
    public static async Task WaitRecordedStateAsync(HttpClient client, string name, string state, TimeSpan patience)
    {
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        while ((await client.GetFromJsonAsync<JsonObject>($"api/v1/drains/{name}"))!["recordedState"]!.GetValue<string>() != state)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"drain {name} not {state} in time");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits until the simulator has seen at least <paramref name="count"/> VMIMs created.</summary>
    public static async Task WaitForMigrationsAsync(SimulatorProcess sim, int count, TimeSpan patience)
    {
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        while ((await sim.GroundTruthAsync()).Migrations.Count < count)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"fewer than {count} migrations in time");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>
    /// The invariants of drains sharing one cluster: no VMIM name twice, every VM of ours moved exactly once (one
    /// succeeded migration per VMI), and never more unfinished VMIMs, ours and foreign, than the limits.
    /// </summary>
    public static void AssertSharedLimitsAndEachVmMovedOnce(GroundTruth truth, int clusterLimit, int nodeLimit, IEnumerable<string> ourVmis)
    {
        var migrations = truth.Migrations;
        Assert.Equal(migrations.Count, migrations.Select(m => m.Namespace + "/" + m.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var vmi in ourVmis)
        {
            Assert.Equal(1, migrations.Count(m => m.Namespace + "/" + m.VmiName == vmi && m.Outcome == "Succeeded"));
        }

        var (cluster, perSource) = Occupancy.Peaks(truth);
        Assert.True(cluster <= clusterLimit, $"{cluster} VMIMs unfinished at once, limit {clusterLimit}");
        Assert.All(perSource, p => Assert.True(p.Value <= nodeLimit, $"{p.Value} VMIMs unfinished at once out of {p.Key}, limit {nodeLimit}"));
        Assert.Equal(0, truth.LimitViolations);
        Assert.Equal(0, truth.VmiLosses);
    }
}
