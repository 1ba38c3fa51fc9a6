using System.Text.Json.Nodes;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Client;

public sealed class KubernetesClientTests
{
    [Fact]
    public async Task GetAsync_ExistingObject_DecodesItFromItsPath()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(200, Samples.Read("virtualmachineinstance.json")));

        var vmi = await fixture.Client.GetAsync<VirtualMachineInstance>("tenant-a", "db-01", TestTimeout.Token);

        Assert.Equal("worker-2", vmi.Status!.NodeName);
        Assert.Equal("GET", fixture.SingleRequest.Method);
        Assert.Equal("/apis/kubevirt.io/v1/namespaces/tenant-a/virtualmachineinstances/db-01", fixture.SingleRequest.Target);
        Assert.Equal("Bearer client-test-token", fixture.SingleRequest.Header("Authorization"));
    }

    [Fact]
    public async Task ListAllAsync_TwoPages_FollowsContinueAndKeepsFirstResourceVersion()
    {
        await using var fixture = new ClientFixture((request, exchange) => exchange.RespondAsync(200,
            request.Target.Contains("continue=", StringComparison.Ordinal)
                ? """{"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"20"},"items":[{"metadata":{"name":"n3"}}]}"""
                : """{"kind":"NodeList","apiVersion":"v1","metadata":{"resourceVersion":"10","continue":"tok/1","remainingItemCount":1},"items":[{"metadata":{"name":"n1"}},{"metadata":{"name":"n2"}}]}"""));

        var list = await fixture.Client.ListAllAsync<Node>(null,
            new ListOptions { LabelSelector = "kubevirt.io/schedulable=true", Limit = 2 }, TestTimeout.Token);

        Assert.Equal(["n1", "n2", "n3"], list.Items.Select(n => n.Metadata.Name));
        Assert.Equal("10", list.Metadata.ResourceVersion);
        Assert.Null(list.Metadata.Continue);
        Assert.Equal("/api/v1/nodes?labelSelector=kubevirt.io%2Fschedulable%3Dtrue&limit=2", fixture.Server.Requests[0].Target);
        Assert.EndsWith("&continue=tok%2F1", fixture.Server.Requests[1].Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_NameTaken_ThrowsPermanentAlreadyExists()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(409,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"virtualmachineinstancemigrations.kubevirt.io \"m1\" already exists","reason":"AlreadyExists","code":409}"""));
        var migration = new VirtualMachineInstanceMigration
        {
            Metadata = new ObjectMeta { Name = "m1", Namespace = "tenant-a" },
            Spec = new VirtualMachineInstanceMigrationSpec { VmiName = "db-01" },
        };

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Client.CreateAsync(migration, TestTimeout.Token));

        Assert.True(ex.IsAlreadyExists);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
        Assert.Equal("POST", fixture.SingleRequest.Method);
        Assert.Equal("/apis/kubevirt.io/v1/namespaces/tenant-a/virtualmachineinstancemigrations", fixture.SingleRequest.Target);
        Assert.Equal("db-01", JsonNode.Parse(fixture.SingleRequest.Body)!["spec"]!["vmiName"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateAsync_StaleResourceVersion_ThrowsConflictAndSentEveryFieldBack()
    {
        await using var fixture = new ClientFixture((request, exchange) => request.Method == "GET"
            ? exchange.RespondAsync(200, Samples.Read("node.json"))
            : exchange.RespondAsync(409, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409}"""));
        var node = await fixture.Client.GetAsync<Node>(null, "worker-1", TestTimeout.Token);
        node.Spec!.Unschedulable = false;

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Client.UpdateAsync(node, TestTimeout.Token));

        Assert.Equal(RetryVerdict.RereadAndRetry, ex.Verdict);
        var put = fixture.Server.Requests[1];
        Assert.Equal("PUT", put.Method);
        Assert.Equal("/api/v1/nodes/worker-1", put.Target);
        var sent = JsonNode.Parse(put.Body)!;
        Assert.Equal("123456", sent["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.NotNull(sent["metadata"]!["managedFields"]);
        Assert.NotNull(sent["status"]!["daemonEndpoints"]);
    }

    [Fact]
    public async Task UpdateAsync_NoResourceVersion_RefusesUnconditionalWrite()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(200, "{}"));

        await Assert.ThrowsAsync<ArgumentException>(
            () => fixture.Client.UpdateAsync(new Node { Metadata = new ObjectMeta { Name = "n" } }, TestTimeout.Token));
    }

    [Theory]
    [InlineData(PatchType.Merge, "application/merge-patch+json")]
    [InlineData(PatchType.StrategicMerge, "application/strategic-merge-patch+json")]
    [InlineData(PatchType.Json, "application/json-patch+json")]
    public async Task PatchAsync_PatchType_SendsItsMediaType(PatchType type, string mediaType)
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(200, Samples.Read("node.json")));

        var node = await fixture.Client.PatchAsync<Node>(null, "worker-1", type, """{"spec":{"unschedulable":true}}""", TestTimeout.Token);

        Assert.True(node.Spec!.Unschedulable);
        Assert.Equal("PATCH", fixture.SingleRequest.Method);
        Assert.StartsWith(mediaType, fixture.SingleRequest.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("""{"spec":{"unschedulable":true}}""", fixture.SingleRequest.Body);
    }

    [Fact]
    public async Task PatchStatusAsync_Node_PatchesTheStatusSubresource()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(200, Samples.Read("node.json")));

        await fixture.Client.PatchStatusAsync<Node>(null, "worker-1", PatchType.StrategicMerge,
            """{"status":{"conditions":[{"type":"Drained","status":"True"}]}}""", TestTimeout.Token);

        Assert.Equal(("PATCH", "/api/v1/nodes/worker-1/status"), (fixture.SingleRequest.Method, fixture.SingleRequest.Target));
        Assert.StartsWith("application/strategic-merge-patch+json", fixture.SingleRequest.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchStatusAsync_Forbidden_IsForbiddenAndNotRetried()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(403,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,"message":"nodes \"worker-1\" is forbidden"}"""));

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Client.PatchStatusAsync<Node>(null, "worker-1",
            PatchType.StrategicMerge, """{"status":{}}""", TestTimeout.Token));

        Assert.True(error.IsForbidden);
        Assert.False(error.IsInvalid);
        Assert.Single(fixture.Server.Requests);
    }

    [Fact]
    public async Task DeleteAsync_WithPreconditionsAndPropagation_SendsDeleteOptions()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(200, """{"kind":"Status","apiVersion":"v1","status":"Success"}"""));

        await fixture.Client.DeleteAsync<VirtualMachineInstanceMigration>("tenant-a", "m1",
            new DeleteOptions { PropagationPolicy = "Background", Preconditions = new Preconditions { Uid = "u-1" } }, TestTimeout.Token);

        var body = JsonNode.Parse(fixture.SingleRequest.Body)!;
        Assert.Equal("DELETE", fixture.SingleRequest.Method);
        Assert.Equal("Background", body["propagationPolicy"]!.GetValue<string>());
        Assert.Equal("u-1", body["preconditions"]!["uid"]!.GetValue<string>());
        Assert.Equal("DeleteOptions", body["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetAsync_MalformedJson_ThrowsBackOff()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(200, """{"kind":"Node","metadata":{"name":"""));

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Client.GetAsync<Node>(null, "n", TestTimeout.Token));

        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
    }

    [Fact]
    public async Task GetAsync_Throttled_ThrowsBackOffWithRetryAfter()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(429,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"TooManyRequests","code":429}""", ("Retry-After", "3")));

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Client.GetAsync<Node>(null, "n", TestTimeout.Token));

        Assert.Equal(RetryVerdict.BackOff, ex.Verdict);
        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
    }

    [Fact]
    public async Task GetAsync_NotFound_ThrowsPermanentNotFound()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(404,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"nodes \"n\" not found","reason":"NotFound","details":{"name":"n","kind":"nodes"},"code":404}"""));

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => fixture.Client.GetAsync<Node>(null, "n", TestTimeout.Token));

        Assert.True(ex.IsNotFound);
        Assert.False(ex.IsRetryable);
    }
}
