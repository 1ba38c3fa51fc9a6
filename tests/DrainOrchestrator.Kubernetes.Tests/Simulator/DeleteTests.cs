using System.Net;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>Delete with preconditions, propagation policies and finalizers, against the simulator.</summary>
public sealed class DeleteTests(SimulatorHost host) : IClassFixture<SimulatorHost>
{
    [Fact]
    public async Task DeleteAsync_StaleResourceVersionPrecondition_FailsConflictAndKeepsTheObject()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var created = await client.CreateAsync(TestObjects.Migration(SimulatorSeed.Tenant, "stale-delete", "vm-1"), token);
        await client.PatchAsync<VirtualMachineInstanceMigration>(SimulatorSeed.Tenant, "stale-delete", PatchType.Merge,
            """{"metadata":{"labels":{"attempt":"2"}}}""", token);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.DeleteAsync<VirtualMachineInstanceMigration>(
            SimulatorSeed.Tenant, "stale-delete", Precondition(resourceVersion: created.Metadata.ResourceVersion), token));

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Equal(RetryVerdict.RereadAndRetry, ex.Verdict);
        await client.GetAsync<VirtualMachineInstanceMigration>(SimulatorSeed.Tenant, "stale-delete", token);
    }

    [Fact]
    public async Task DeleteAsync_UidOfAnEarlierIncarnation_FailsConflictAndKeepsTheRecreatedObject()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var first = await client.CreateAsync(TestObjects.Lease(SimulatorSeed.Tenant, "reincarnated", "drain-a"), token);
        await client.DeleteAsync<Lease>(SimulatorSeed.Tenant, "reincarnated", null, token);
        var second = await client.CreateAsync(TestObjects.Lease(SimulatorSeed.Tenant, "reincarnated", "drain-b"), token);

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.DeleteAsync<Lease>(SimulatorSeed.Tenant, "reincarnated", Precondition(uid: first.Metadata.Uid), token));

        Assert.Equal(RetryVerdict.RereadAndRetry, ex.Verdict);
        Assert.NotEqual(first.Metadata.Uid, second.Metadata.Uid);
        Assert.Equal("drain-b", (await client.GetAsync<Lease>(SimulatorSeed.Tenant, "reincarnated", token)).Spec!.HolderIdentity);
    }

    [Theory]
    [InlineData("Foreground")]
    [InlineData("Background")]
    [InlineData("Orphan")]
    public async Task DeleteAsync_MatchingPreconditionsAndPropagationPolicy_DeletesTheObject(string policy)
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var name = $"delete-{policy.ToLowerInvariant()}";
        var created = await client.CreateAsync(TestObjects.VirtualMachine(SimulatorSeed.Tenant, name), token);
        var options = Precondition(created.Metadata.Uid, created.Metadata.ResourceVersion);
        options.PropagationPolicy = policy;

        await client.DeleteAsync<VirtualMachine>(SimulatorSeed.Tenant, name, options, token);

        var gone = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync<VirtualMachine>(SimulatorSeed.Tenant, name, token));
        Assert.True(gone.IsNotFound);
    }

    [Fact]
    public async Task DeleteAsync_UnknownPropagationPolicy_FailsBadRequestWithPermanentVerdict()
    {
        using var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => client.DeleteAsync<Lease>(SimulatorSeed.Paging, "lease-0",
            new DeleteOptions { PropagationPolicy = "Sideways" }, TestTimeout.Token));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
    }

    [Fact]
    public async Task DeleteAsync_MissingObject_FailsNotFoundWithPermanentVerdict()
    {
        using var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.DeleteAsync<MigrationPolicy>(null, "no-such-policy", null, TestTimeout.Token));

        Assert.True(ex.IsNotFound);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
    }

    [Fact]
    public async Task DeleteAsync_ObjectWithFinalizer_StaysTerminatingUntilTheFinalizerIsRemoved()
    {
        using var client = host.CreateClient();
        var token = TestTimeout.Token;
        var vmim = TestObjects.Migration(SimulatorSeed.Tenant, "finalized", "vm-2");
        vmim.Metadata.Finalizers = ["kubevirt.io/migrationJobFinalize"];
        await client.CreateAsync(vmim, token);

        await client.DeleteAsync<VirtualMachineInstanceMigration>(SimulatorSeed.Tenant, "finalized", null, token);
        var terminating = await client.GetAsync<VirtualMachineInstanceMigration>(SimulatorSeed.Tenant, "finalized", token);
        await client.PatchAsync<VirtualMachineInstanceMigration>(SimulatorSeed.Tenant, "finalized", PatchType.Json,
            """[{"op":"remove","path":"/metadata/finalizers"}]""", token);

        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        var gone = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            client.GetAsync<VirtualMachineInstanceMigration>(SimulatorSeed.Tenant, "finalized", token));
        Assert.True(gone.IsNotFound);
    }

    private static DeleteOptions Precondition(string? uid = null, string? resourceVersion = null) =>
        new() { Preconditions = new Preconditions { Uid = uid, ResourceVersion = resourceVersion } };
}
