using System.Net;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Http;

public sealed class WriteTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Leases = "/apis/coordination.k8s.io/v1/namespaces/default/leases";

    [Fact]
    public async Task Create_NewObject_GetsUidTimestampAndVersion()
    {
        using var client = fixture.CreateClient();

        var (code, created) = await client.SendJsonAsync(HttpMethod.Post, Leases, TestObjects.Lease("fresh"));

        Assert.Equal(HttpStatusCode.Created, code);
        var metadata = created["metadata"]!;
        Assert.True(Guid.TryParse(metadata["uid"]!.GetValue<string>(), out _));
        Assert.EndsWith("Z", metadata["creationTimestamp"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(created.ResourceVersion());
    }

    [Fact]
    public async Task Create_WithGenerateName_AddsASuffix()
    {
        using var client = fixture.CreateClient();
        var vmim = TestObjects.Vmim("");
        vmim["metadata"]!.AsObject().Remove("name");
        vmim["metadata"]!["generateName"] = "drain-";

        var (code, created) = await client.SendJsonAsync(HttpMethod.Post, TestObjects.VmimPath, vmim);

        Assert.Equal(HttpStatusCode.Created, code);
        Assert.Matches("^drain-[a-z0-9]{5}$", created["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_InMissingNamespace_Answers404()
    {
        using var client = fixture.CreateClient();

        var lease = TestObjects.Lease("x");
        lease["metadata"]!.AsObject().Remove("namespace");

        var (code, status) = await client.SendJsonAsync(HttpMethod.Post, "/apis/coordination.k8s.io/v1/namespaces/nowhere/leases", lease);

        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("namespaces \"nowhere\" not found", status["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_WithStaleResourceVersion_Answers409Conflict()
    {
        using var client = fixture.CreateClient();
        var (_, created) = await client.SendJsonAsync(HttpMethod.Post, Leases, TestObjects.Lease("contended"));
        var first = (JsonObject)created.DeepClone();
        first["spec"]!["holderIdentity"] = "one";
        var (firstCode, _) = await client.SendJsonAsync(HttpMethod.Put, Leases + "/contended", first);
        var stale = (JsonObject)created.DeepClone();
        stale["spec"]!["holderIdentity"] = "two";

        var (code, status) = await client.SendJsonAsync(HttpMethod.Put, Leases + "/contended", stale);

        Assert.Equal(HttpStatusCode.OK, firstCode);
        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", status["reason"]!.GetValue<string>());
        Assert.Contains("the object has been modified", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Twice_Answers409AlreadyExists()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Post, Leases, TestObjects.Lease("twice"));

        var (code, status) = await client.SendJsonAsync(HttpMethod.Post, Leases, TestObjects.Lease("twice"));

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("AlreadyExists", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_MainResource_KeepsStatusAndStatusSubresourceKeepsSpec()
    {
        using var client = fixture.CreateClient();
        var (_, vmi) = await client.GetJsonAsync("/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances/vm-4");
        vmi["status"]!["phase"] = "Failed";
        vmi["spec"]!["evictionStrategy"] = "None";
        var (_, afterMain) = await client.SendJsonAsync(HttpMethod.Put, "/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances/vm-4", vmi);
        var phaseAfterMain = afterMain["status"]!["phase"]!.GetValue<string>();
        var strategyAfterMain = afterMain["spec"]!["evictionStrategy"]!.GetValue<string>();
        afterMain["status"]!["phase"] = "Succeeded";
        afterMain["spec"]!["evictionStrategy"] = "External";

        var (code, afterStatus) = await client.SendJsonAsync(HttpMethod.Put, "/apis/kubevirt.io/v1/namespaces/default/virtualmachineinstances/vm-4/status", afterMain);

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(("Running", "None"), (phaseAfterMain, strategyAfterMain));
        Assert.Equal("Succeeded", afterStatus["status"]!["phase"]!.GetValue<string>());
        Assert.Equal("None", afterStatus["spec"]!["evictionStrategy"]!.GetValue<string>());
        Assert.Equal(2, afterStatus["metadata"]!["generation"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_WithFinalizer_KeepsObjectUntilFinalizerRemoved()
    {
        using var client = fixture.CreateClient();
        var vmim = TestObjects.Vmim("finalized");
        vmim["metadata"]!["finalizers"] = new JsonArray("kubevirt.io/migrationJobFinalize");
        await client.SendJsonAsync(HttpMethod.Post, TestObjects.VmimPath, vmim);

        var (deleteCode, terminating) = await client.SendJsonAsync(HttpMethod.Delete, TestObjects.VmimPath + "/finalized");
        var (stillCode, _) = await client.GetJsonAsync(TestObjects.VmimPath + "/finalized");
        await client.SendJsonAsync(HttpMethod.Patch, TestObjects.VmimPath + "/finalized",
            JsonNode.Parse("""[{"op":"remove","path":"/metadata/finalizers"}]"""), "application/json-patch+json");
        var (goneCode, _) = await client.GetJsonAsync(TestObjects.VmimPath + "/finalized");

        Assert.Equal(HttpStatusCode.OK, deleteCode);
        Assert.NotNull(terminating["metadata"]!["deletionTimestamp"]);
        Assert.Equal(HttpStatusCode.OK, stillCode);
        Assert.Equal(HttpStatusCode.NotFound, goneCode);
    }

    [Fact]
    public async Task Delete_WithWrongUidPrecondition_Answers409()
    {
        using var client = fixture.CreateClient();
        await client.SendJsonAsync(HttpMethod.Post, Leases, TestObjects.Lease("guarded"));
        var options = JsonNode.Parse("""{"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"not-the-uid"}}""");

        var (code, status) = await client.SendJsonAsync(HttpMethod.Delete, Leases + "/guarded", options);

        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Contains("Precondition failed", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
