using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Metrics;

/// <summary><c>/api/v1/query</c>: Prometheus' instant query over drain-sim's metrics, over HTTPS on the model-backed cluster.</summary>
public sealed class PrometheusQueryEndpointTests(BridgeFixture fixture) : IClassFixture<BridgeFixture>
{
    [Fact]
    public async Task Query_MetricWithMatchers_VectorOfTheMatchingSeriesOnly()
    {
        using var client = fixture.CreateClient();

        var all = await QueryAsync(client, "kubevirt_vmi_dirty_rate_bytes_per_second");
        var one = await QueryAsync(client, "kubevirt_vmi_dirty_rate_bytes_per_second{namespace=\"default\", name=\"solo-5\"}");
        var others = await QueryAsync(client, "kubevirt_vmi_dirty_rate_bytes_per_second{name!=\"solo-5\"}");

        Assert.Equal("success", (string?)one["status"]);
        Assert.Equal("vector", (string?)one["data"]!["resultType"]);
        var series = Assert.Single(one["data"]!["result"]!.AsArray())!;
        Assert.Equal("solo-5", (string?)series["metric"]!["name"]);
        Assert.Equal("kubevirt_vmi_dirty_rate_bytes_per_second", (string?)series["metric"]!["__name__"]);
        Assert.NotNull((string?)series["metric"]!["node"]);
        // solo VMs dirty 10Mi per second (the scenario); the value is a string, as Prometheus writes it.
        Assert.Equal("10485760", (string?)series["value"]![1]);
        var total = all["data"]!["result"]!.AsArray().Count;
        Assert.True(total > 1);
        Assert.Equal(total - 1, others["data"]!["result"]!.AsArray().Count);
        Assert.DoesNotContain(others["data"]!["result"]!.AsArray(), s => (string?)s!["metric"]!["name"] == "solo-5");
    }

    [Theory]
    [InlineData("rate(kubevirt_vmi_dirty_rate_bytes_per_second[5m])")]
    [InlineData("kubevirt_vmi_dirty_rate_bytes_per_second{name=~\"solo.*\"}")]
    [InlineData("kubevirt_vmi_dirty_rate_bytes_per_second{name=\"solo-5\"")]
    public async Task Query_WhatItCannotEvaluate_400BadData(string query)
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(query));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("error", (string?)body["status"]);
        Assert.Equal("bad_data", (string?)body["errorType"]);
    }

    [Fact]
    public async Task Query_WithoutAToken_Is401()
    {
        using var client = fixture.CreateClient(withToken: false);

        using var response = await client.GetAsync("/api/v1/query?query=up");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonNode> QueryAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
