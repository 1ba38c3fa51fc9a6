using System.Net;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Simulator.Support;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Simulator;

/// <summary>Informers against the simulator: sync, snapshots, change notifications and the engine's indexes.</summary>
public sealed class InformerTests(SimulatorHost host) : IClassFixture<SimulatorHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.Admin.ClearFaultsAsync(CancellationToken.None);

    public Task DisposeAsync() => host.Admin.ClearFaultsAsync(CancellationToken.None);

    [Fact]
    public async Task RunAsync_SeededVmis_SyncsWithEveryVmiIndexedByNode()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var informer = new Informer<VirtualMachineInstance>(client, new InformerOptions { Namespace = SimulatorSeed.Tenant },
            InformerIndexes.VirtualMachineInstancesByNode);

        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(stop.Token);
        var snapshot = informer.Snapshot;

        Assert.True(informer.HasSynced);
        Assert.Equal(SimulatorSeed.Vmis.Count, snapshot.Count);
        Assert.False(string.IsNullOrEmpty(snapshot.ResourceVersion));
        Assert.Equal(["node-1", "node-2"], snapshot.GetIndexKeys(InformerIndexes.ByNode).Order(StringComparer.Ordinal));
        Assert.Equal(["vm-1", "vm-3"], snapshot.GetByIndex(InformerIndexes.ByNode, "node-1").Select(v => v.Metadata.Name));
        Assert.Equal("Running", snapshot.Get(SimulatorSeed.Tenant, "vm-2")!.Status!.Phase);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_VmiRelabelledToAnotherNode_NotifiesModifiedAndReindexes()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ns = await client.CreateNamespaceAsync("informer-moves", stop.Token);
        await client.CreateAsync(TestObjects.Vmi(ns, "mover", "node-1"), stop.Token);
        var informer = new Informer<VirtualMachineInstance>(client, new InformerOptions { Namespace = ns },
            InformerIndexes.VirtualMachineInstancesByNode);
        using var changes = informer.Subscribe();
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(stop.Token);
        var before = informer.Snapshot;

        await client.PatchAsync<VirtualMachineInstance>(ns, "mover", PatchType.Merge,
            """{"metadata":{"labels":{"kubevirt.io/nodeName":"node-3"}}}""", stop.Token);
        var change = await changes.Changes.ReadAsync(stop.Token);

        Assert.Equal((InformerChangeType.Modified, $"{ns}/mover"), (change.Type, change.Key));
        Assert.Equal("node-1", change.OldObject!.Metadata[InformerIndexes.NodeNameLabel]);
        Assert.Equal("node-3", change.Object!.Metadata[InformerIndexes.NodeNameLabel]);
        Assert.Equal(change.Object.Metadata.ResourceVersion, change.ResourceVersion);
        Assert.Empty(informer.Snapshot.GetByIndex(InformerIndexes.ByNode, "node-1"));
        Assert.Equal("mover", Assert.Single(informer.Snapshot.GetByIndex(InformerIndexes.ByNode, "node-3")).Metadata.Name);
        Assert.Equal("mover", Assert.Single(before.GetByIndex(InformerIndexes.ByNode, "node-1")).Metadata.Name);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_MigrationCreatedThenDeleted_NotifiesBothAndIndexesItByVmi()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ns = await client.CreateNamespaceAsync("informer-vmims", stop.Token);
        var informer = new Informer<VirtualMachineInstanceMigration>(client, new InformerOptions { Namespace = ns },
            InformerIndexes.MigrationsByVirtualMachineInstance);
        using var changes = informer.Subscribe();
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(stop.Token);
        Assert.Equal(0, informer.Snapshot.Count);

        await client.CreateAsync(TestObjects.Migration(ns, "drain-1-vm-a", "vm-a"), stop.Token);
        var added = await changes.Changes.ReadAsync(stop.Token);
        var indexed = informer.Snapshot.GetByIndex(InformerIndexes.ByVirtualMachineInstance, InformerKeys.Of(ns, "vm-a"));
        await client.DeleteAsync<VirtualMachineInstanceMigration>(ns, "drain-1-vm-a", null, stop.Token);
        var deleted = await changes.Changes.ReadAsync(stop.Token);

        Assert.Equal((InformerChangeType.Added, $"{ns}/drain-1-vm-a"), (added.Type, added.Key));
        Assert.Equal("drain-1-vm-a", Assert.Single(indexed).Metadata.Name);
        Assert.Equal((InformerChangeType.Deleted, $"{ns}/drain-1-vm-a"), (deleted.Type, deleted.Key));
        Assert.Equal("vm-a", deleted.OldObject!.Spec.VmiName);
        Assert.Empty(informer.Snapshot.GetByIndex(InformerIndexes.ByVirtualMachineInstance, InformerKeys.Of(ns, "vm-a")));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_PodFieldSelectorOnNode_CachesOnlyThatNodesPodsIndexedByNode()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var informer = new Informer<Pod>(client, new InformerOptions { FieldSelector = "spec.nodeName=node-2" }, InformerIndexes.PodsByNode);

        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(stop.Token);

        Assert.Equal(["virt-launcher-vm-2", "virt-launcher-vm-4"], informer.Snapshot.Items.Select(p => p.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["node-2"], informer.Snapshot.GetIndexKeys(InformerIndexes.ByNode));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_NodeInformerCordon_NotifiesTheChangeAfterTheCacheShowsIt()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.CreateAsync(TestObjects.Node("informer-node", "r7"), stop.Token);
        var informer = new Informer<Node>(client, new InformerOptions { LabelSelector = "rack=r7" });
        using var changes = informer.Subscribe();
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(stop.Token);

        await client.PatchAsync<Node>(null, "informer-node", PatchType.StrategicMerge, """{"spec":{"unschedulable":true}}""", stop.Token);
        var change = await changes.Changes.ReadAsync(stop.Token);

        Assert.Equal(InformerChangeType.Modified, change.Type);
        Assert.True(informer.Snapshot.Get(null, "informer-node")!.Spec!.Unschedulable);
        Assert.Null(change.OldObject!.Spec!.Unschedulable);
        await stop.CancelAsync();
        await run;
        await changes.Changes.Completion.WaitAsync(TestTimeout.Token);
    }

    [Fact]
    public async Task RunAsync_ResumeVersionCompactedWhileDisconnected_RelistsAndNotifiesWhatChangedMeanwhile()
    {
        using var client = host.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ns = await client.CreateNamespaceAsync("informer-relist", stop.Token);
        foreach (var name in new[] { "stays", "goes", "changes" })
        {
            await client.CreateAsync(TestObjects.Lease(ns, name, "drain-a"), stop.Token);
        }

        var informer = new Informer<Lease>(client, new InformerOptions { Namespace = ns, ListWatch = Disconnection.ShortWatches });
        using var changes = informer.Subscribe();
        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(stop.Token);

        await Disconnection.ChangeWhileWatchesFailAsync(host.Admin, "leases", async () =>
        {
            await client.CreateAsync(TestObjects.Lease(ns, "came", "drain-a"), stop.Token);
            await client.DeleteAsync<Lease>(ns, "goes", null, stop.Token);
            await client.PatchAsync<Lease>(ns, "changes", PatchType.Merge, """{"spec":{"holderIdentity":"drain-b"}}""", stop.Token);
        }, stop.Token);
        var notified = new List<InformerChange<Lease>>();
        while (notified.LastOrDefault()?.Type != InformerChangeType.Relisted)
        {
            notified.Add(await changes.Changes.ReadAsync(stop.Token));
        }

        Assert.Equal([$"Added {ns}/came", $"Deleted {ns}/goes", $"Modified {ns}/changes"],
            notified.SkipLast(1).Select(c => $"{c.Type} {c.Key}").Order(StringComparer.Ordinal));
        Assert.Equal(["came", "changes", "stays"], informer.Snapshot.Items.Select(l => l.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.Equal("drain-b", informer.Snapshot.Get(ns, "changes")!.Spec!.HolderIdentity);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_InvalidLabelSelector_FailsSyncedAndSubscriptionsWithThePermanentError()
    {
        using var client = host.CreateClient();
        var informer = new Informer<VirtualMachineInstance>(client, new InformerOptions { LabelSelector = "app in (db" });
        using var changes = informer.Subscribe();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => informer.RunAsync(TestTimeout.Token));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
        await Assert.ThrowsAsync<KubernetesApiException>(() => informer.Synced);
        await Assert.ThrowsAsync<KubernetesApiException>(() => changes.Changes.Completion);
    }
}
