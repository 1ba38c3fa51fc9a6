using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Admin;

public sealed class FaultApiTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Faults_ErrorRateOne_Answers500ForThatResourceAndVerbOnly()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Put, "/sim/v1/faults",
            JsonNode.Parse("""{"rules":[{"resource":"leases","verb":"list","errorRate":1}]}"""));

        var (listCode, status) = await client.GetJsonAsync("/apis/coordination.k8s.io/v1/leases");
        var (nodesCode, _) = await client.GetJsonAsync("/api/v1/nodes");
        await client.SendJsonAsync(HttpMethod.Delete, "/sim/v1/faults");
        var (afterCode, _) = await client.GetJsonAsync("/apis/coordination.k8s.io/v1/leases");

        Assert.Equal(HttpStatusCode.InternalServerError, listCode);
        Assert.Equal("InternalError", status["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, nodesCode);
        Assert.Equal(HttpStatusCode.OK, afterCode);
    }

    [Fact]
    public async Task Faults_ThrottleRateOne_Answers429WithRetryAfter()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Put, "/sim/v1/faults",
            JsonNode.Parse("""{"resource":"migrationpolicies","throttleRate":1,"retryAfter":"3s"}"""));

        using var response = await client.GetAsync("/apis/migrations.kubevirt.io/v1alpha1/migrationpolicies");
        await client.SendJsonAsync(HttpMethod.Delete, "/sim/v1/faults");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Faults_DelayLongerThanTheRequestsTimeout_Answers504AndNeverServesIt()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Put, "/sim/v1/faults",
            JsonNode.Parse("""{"resource":"migrationpolicies","verb":"create","delay":"3s"}"""));

        // As kube-apiserver: a request still waiting when its timeout runs out is answered 504 and never committed.
        var (code, status) = await client.SendJsonAsync(HttpMethod.Post, "/apis/migrations.kubevirt.io/v1alpha1/migrationpolicies?timeout=1s",
            JsonNode.Parse("""{"apiVersion":"migrations.kubevirt.io/v1alpha1","kind":"MigrationPolicy","metadata":{"name":"held-too-long"},"spec":{"selectors":{}}}"""));
        await client.SendJsonAsync(HttpMethod.Delete, "/sim/v1/faults");
        var (afterCode, _) = await client.GetJsonAsync("/apis/migrations.kubevirt.io/v1alpha1/migrationpolicies/held-too-long");

        Assert.Equal(HttpStatusCode.GatewayTimeout, code);
        Assert.Equal("Timeout", status["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, afterCode);
    }

    [Fact]
    public async Task Faults_InvalidRules_Answers400NamingEveryProblem()
    {
        using var client = fixture.CreateClient();

        var (code, status) = await client.SendJsonAsync(HttpMethod.Put, "/sim/v1/faults",
            JsonNode.Parse("""{"rules":[{"errorRate":2},{"delay":"soon","colour":"red"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, code);
        var message = status["message"]!.GetValue<string>();
        Assert.Contains("rules[0]: errorRate must be between 0 and 1", message, StringComparison.Ordinal);
        Assert.Contains("rules[1]: delay must be a duration", message, StringComparison.Ordinal);
        Assert.Contains("rules[1]: unknown setting \"colour\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faults_DropWatchAfter_CutsTheStream()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Put, "/sim/v1/faults",
            JsonNode.Parse("""{"resource":"kubevirts","verb":"watch","dropWatchAfter":"300ms"}"""));
        var rv = fixture.Store.CurrentResourceVersion;

        using var watch = await WatchStream.OpenAsync(client, $"/apis/kubevirt.io/v1/kubevirts?watch=true&resourceVersion={rv}");
        await client.SendJsonAsync(HttpMethod.Delete, "/sim/v1/faults");
        var ended = await Record.ExceptionAsync(() => watch.NextAsync(TimeSpan.FromSeconds(10)));

        Assert.IsNotType<OperationCanceledException>(ended);
    }

    [Fact]
    public async Task Requests_AfterCalls_CountsByVerbAndResource()
    {
        using var client = fixture.CreateClient();
        await client.GetJsonAsync("/apis/kubevirt.io/v1/namespaces/default/virtualmachines/vm-1");
        await client.GetJsonAsync("/apis/kubevirt.io/v1/namespaces/default/virtualmachines/vm-2");
        await client.GetJsonAsync("/apis/kubevirt.io/v1/virtualmachines");

        var (_, counts) = await client.GetJsonAsync("/sim/v1/requests");

        var vms = counts["requests"]!.AsArray().Where(r => r!["resource"]!.GetValue<string>() == "virtualmachines")
            .ToDictionary(r => r!["verb"]!.GetValue<string>(), r => r!["count"]!.GetValue<long>());
        Assert.Equal(2, vms["get"]);
        Assert.Equal(1, vms["list"]);
    }
}
