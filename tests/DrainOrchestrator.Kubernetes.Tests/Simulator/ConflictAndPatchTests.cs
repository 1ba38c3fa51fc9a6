using System.Net;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>Optimistic concurrency (409) and the three patch formats, against the simulator.</summary>
public sealed class ConflictAndPatchTests(SimulatorHost host) : IClassFixture<SimulatorHost>
{
    [Fact]
    public async Task UpdateAsync_StaleResourceVersion_FailsConflictWithRereadAndRetryVerdict()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        await client.CreateAsync(TestObjects.Lease(SimulatorSeed.Tenant, "contended", "drain-a"), token);
        var mine = await client.GetAsync<Lease>(SimulatorSeed.Tenant, "contended", token);
        var theirs = await client.GetAsync<Lease>(SimulatorSeed.Tenant, "contended", token);
        theirs.Spec!.HolderIdentity = "drain-b";
        await client.UpdateAsync(theirs, token);

        mine.Spec!.HolderIdentity = "drain-c";
        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.UpdateAsync(mine, token));

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.True(ex.IsConflict);
        Assert.Equal(RetryVerdict.RereadAndRetry, ex.Verdict);
        Assert.Equal("drain-b", (await client.GetAsync<Lease>(SimulatorSeed.Tenant, "contended", token)).Spec!.HolderIdentity);
    }

    [Fact]
    public async Task UpdateAsync_RereadAfterConflict_Succeeds()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        await client.CreateAsync(TestObjects.Lease(SimulatorSeed.Tenant, "reread", "drain-a"), token);
        var stale = await client.GetAsync<Lease>(SimulatorSeed.Tenant, "reread", token);
        await client.PatchAsync<Lease>(SimulatorSeed.Tenant, "reread", PatchType.Merge, """{"spec":{"leaseTransitions":1}}""", token);
        stale.Spec!.HolderIdentity = "drain-b";
        var conflict = await Assert.ThrowsAsync<KubernetesApiException>(() => client.UpdateAsync(stale, token));
        Assert.Equal(RetryVerdict.RereadAndRetry, conflict.Verdict);

        var fresh = await client.GetAsync<Lease>(SimulatorSeed.Tenant, "reread", token);
        fresh.Spec!.HolderIdentity = "drain-b";
        var updated = await client.UpdateAsync(fresh, token);

        Assert.Equal(("drain-b", 1), (updated.Spec!.HolderIdentity, updated.Spec.LeaseTransitions));
    }

    [Fact]
    public async Task PatchAsync_MergePatch_SetsAndRemovesOnlyTheNamedFields()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        await client.CreateAsync(TestObjects.Lease(SimulatorSeed.Tenant, "merge", "drain-a",
            new Dictionary<string, string> { ["keep"] = "1", ["drop"] = "2" }), token);

        var patched = await client.PatchAsync<Lease>(SimulatorSeed.Tenant, "merge", PatchType.Merge,
            """{"metadata":{"labels":{"drop":null,"add":"3"}},"spec":{"holderIdentity":"drain-b"}}""", token);

        Assert.Equal(new Dictionary<string, string> { ["keep"] = "1", ["add"] = "3" }, patched.Metadata.Labels);
        Assert.Equal(("drain-b", 30), (patched.Spec!.HolderIdentity, patched.Spec.LeaseDurationSeconds));
    }

    [Fact]
    public async Task PatchAsync_StrategicMergeOnNode_CordonsAndMergesFinalizersAsASet()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var node = TestObjects.Node("smp-node", "r9");
        node.Metadata.Finalizers = ["example.com/a"];
        await client.CreateAsync(node, token);

        var patched = await client.PatchAsync<Node>(null, "smp-node", PatchType.StrategicMerge,
            """{"metadata":{"finalizers":["example.com/b"]},"spec":{"unschedulable":true}}""", token);
        var merged = await client.PatchAsync<Node>(null, "smp-node", PatchType.Merge, """{"metadata":{"finalizers":null}}""", token);

        Assert.True(patched.Spec!.Unschedulable);
        Assert.Equal(["example.com/a", "example.com/b"], patched.Metadata.Finalizers!.Order(StringComparer.Ordinal));
        Assert.Null(merged.Metadata.Finalizers);
    }

    [Fact]
    public async Task PatchAsync_StrategicMergeOnCustomResource_FailsUnsupportedMediaTypeWithPermanentVerdict()
    {
        using var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.PatchAsync<VirtualMachineInstance>(
            SimulatorSeed.Tenant, "vm-1", PatchType.StrategicMerge, """{"metadata":{"labels":{"x":"y"}}}""", TestTimeout.Token));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, ex.StatusCode);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
    }

    [Fact]
    public async Task PatchAsync_JsonPatchWhoseTestHolds_AppliesTheOperations()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        await client.CreateAsync(TestObjects.Migration(SimulatorSeed.Tenant, "json-patch", "vm-3"), token);

        var patched = await client.PatchAsync<VirtualMachineInstanceMigration>(SimulatorSeed.Tenant, "json-patch", PatchType.Json,
            """[{"op":"test","path":"/spec/vmiName","value":"vm-3"},{"op":"add","path":"/metadata/labels/attempt","value":"2"}]""", token);

        Assert.Equal("2", patched.Metadata["attempt"]);
        Assert.Equal("test", patched.Metadata["drain"]);
    }

    [Fact]
    public async Task PatchAsync_JsonPatchWhoseTestFails_FailsInvalidWithPermanentVerdictAndChangesNothing()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var before = await client.GetAsync<Lease>(SimulatorSeed.Paging, "lease-1", token);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.PatchAsync<Lease>(SimulatorSeed.Paging, "lease-1", PatchType.Json,
            """[{"op":"test","path":"/spec/holderIdentity","value":"someone-else"},{"op":"replace","path":"/spec/holderIdentity","value":"drain-x"}]""", token));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
        var after = await client.GetAsync<Lease>(SimulatorSeed.Paging, "lease-1", token);
        Assert.Equal(before.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task PatchAsync_MergePatchCarryingAStaleResourceVersion_FailsConflictWithRereadAndRetryVerdict()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var created = await client.CreateAsync(TestObjects.Lease(SimulatorSeed.Tenant, "conditional-patch", "drain-a"), token);
        await client.PatchAsync<Lease>(SimulatorSeed.Tenant, "conditional-patch", PatchType.Merge, """{"spec":{"leaseTransitions":1}}""", token);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.PatchAsync<Lease>(SimulatorSeed.Tenant, "conditional-patch",
            PatchType.Merge, $$$"""{"metadata":{"resourceVersion":"{{{created.Metadata.ResourceVersion}}}"},"spec":{"holderIdentity":"drain-b"}}""", token));

        Assert.Equal(RetryVerdict.RereadAndRetry, ex.Verdict);
    }
}
