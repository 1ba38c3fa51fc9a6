using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Http;

/// <summary>drain-sim serves policy/v1 PodDisruptionBudgets as kube-apiserver does: namespaced, stored as written.</summary>
public sealed class PodDisruptionBudgetTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Pdbs = "/apis/policy/v1/namespaces/default/poddisruptionbudgets";

    [Fact]
    public async Task CreateListGetDelete_PercentLimit_KeptAsWritten()
    {
        using var client = fixture.CreateClient();
        var pdb = new JsonObject
        {
            ["apiVersion"] = "policy/v1",
            ["kind"] = "PodDisruptionBudget",
            ["metadata"] = new JsonObject { ["name"] = "db" },
            ["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "db" } },
                ["maxUnavailable"] = "34%",
            },
        };

        var (created, _) = await client.SendJsonAsync(HttpMethod.Post, Pdbs, pdb);
        var (_, all) = await client.GetJsonAsync("/apis/policy/v1/poddisruptionbudgets");
        var (_, one) = await client.GetJsonAsync(Pdbs + "/db");
        var (deleted, _) = await client.SendJsonAsync(HttpMethod.Delete, Pdbs + "/db", null);
        var (gone, _) = await client.GetJsonAsync(Pdbs + "/db");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("PodDisruptionBudgetList", all["kind"]!.GetValue<string>());
        Assert.Contains("db", all.Names());
        Assert.Equal("34%", one["spec"]!["maxUnavailable"]!.GetValue<string>());
        Assert.Equal("default", one["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(HttpStatusCode.NotFound, gone);
    }
}
