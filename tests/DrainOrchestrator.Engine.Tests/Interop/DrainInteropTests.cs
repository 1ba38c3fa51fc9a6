using System.Net;
using DrainOrchestrator.Engine.Interop;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Engine.Tests.Workflow;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Interop;

/// <summary>
/// A drain's interoperation on the fake cluster: conditions as it runs and ends, refusals reported once and fatal only
/// under the policy's requireInterop, before any VM moves.
/// </summary>
public sealed class DrainInteropTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static FakeCluster Cluster() =>
        new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3").AddNode("w4").AddVmi("a", "w1").AddVmi("b", "w1").AddVmi("c", "w2");

    private async Task<IReadOnlyList<InteropRefused>> RefusalsAsync(Guid id) =>
        await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<InteropRefused>(id, CancellationToken.None);

    [Fact]
    public async Task RunAsync_Succeeds_DrainInProgressWhileMigratingThenDrained()
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1", "w2");
        var seenInProgress = false;

        var result = await harness.RunAsync(id, betweenSteps: () =>
        {
            seenInProgress |= cluster.NodeCondition("w1", NodeLifecycleConditions.DrainInProgress)?.Status == "True"
                && cluster.VmisOn("w1").Count > 0;
            return Task.CompletedTask;
        });

        Assert.True(result.Succeeded, result.Reason);
        Assert.True(seenInProgress, "DrainInProgress was not True while VMs were still on w1");
        foreach (var node in new[] { "w1", "w2" })
        {
            Assert.Equal(("False", "DrainSucceeded"), Pair(cluster.NodeCondition(node, NodeLifecycleConditions.DrainInProgress)));
            Assert.Equal(("True", "DrainSucceeded"), Pair(cluster.NodeCondition(node, NodeLifecycleConditions.Drained)));
        }

        Assert.Null(cluster.NodeCondition("w3", NodeLifecycleConditions.Drained));
        Assert.Empty(await RefusalsAsync(id));
    }

    [Fact]
    public async Task RunAsync_ConditionsForbidden_DrainSucceedsAndTheRefusalIsJournaledOnceWithItsFix()
    {
        var cluster = Cluster();
        cluster.RefuseNodeConditions = HttpStatusCode.Forbidden;
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1", "w2");

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        var refusal = Assert.Single(await RefusalsAsync(id));
        Assert.Equal(InteropFeature.NodeConditions, refusal.Feature);
        Assert.Contains("nodes/status", refusal.Fix, StringComparison.Ordinal);
        Assert.Contains("403", refusal.Reason, StringComparison.Ordinal);
        Assert.Null(cluster.NodeCondition("w1", NodeLifecycleConditions.Drained));
    }

    [Fact]
    public async Task RunAsync_ConditionsForbiddenUnderRequireInterop_FailsBeforeAnyVmMovesNamingThePermission()
    {
        var cluster = Cluster();
        cluster.RefuseNodeConditions = HttpStatusCode.Forbidden;
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy() with { RequireInterop = true }, "w1", "w2");

        var result = await harness.RunAsync(id);

        Assert.False(result.Succeeded);
        Assert.Contains("requireInterop", result.Reason, StringComparison.Ordinal);
        Assert.Contains("nodes/status", result.Reason, StringComparison.Ordinal);
        Assert.Contains("requireInterop failed the drain before any VM moved", Assert.Single(await RefusalsAsync(id)).Fix, StringComparison.Ordinal);
        Assert.Equal(2, cluster.VmisOn("w1").Count);
        Assert.Single(cluster.VmisOn("w2"));
        Assert.False(cluster.IsUnschedulable("w1"), "the failed drain should uncordon w1");
    }

    [Fact]
    public async Task RunAsync_NodeHeldByNodeMaintenance_RefusedNamingTheHolderAndNotTouched()
    {
        var cluster = Cluster();
        cluster.HoldNodeLease("w2", "node-maintenance");
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1", "w2");

        var result = await harness.RunAsync(id);

        Assert.False(result.Succeeded);
        Assert.Contains("'node-maintenance'", result.Reason, StringComparison.Ordinal);
        Assert.Contains("medik8s-leases/node-w2", result.Reason, StringComparison.Ordinal);
        Assert.False(cluster.IsUnschedulable("w2"));
        Assert.Null(cluster.NodeCondition("w2", NodeLifecycleConditions.DrainInProgress));
        Assert.Equal(0, cluster.CreateCount);
    }

    private static (string?, string?) Pair(Kubernetes.Models.NodeCondition? c) => (c?.Status, c?.Reason);
}
