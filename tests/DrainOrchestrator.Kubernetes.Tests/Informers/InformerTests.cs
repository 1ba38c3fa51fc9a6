using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Kubernetes.Tests.Client;
using DrainOrchestrator.Kubernetes.Tests.TestSupport;

namespace DrainOrchestrator.Kubernetes.Tests.Informers;

public sealed class InformerTests
{
    [Fact]
    public async Task RunAsync_ListThenChanges_SyncsIndexesAndNotifiesEachChange()
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fixture = new ClientFixture(async (request, exchange) =>
        {
            if (!WireJson.IsWatch(request))
            {
                await exchange.RespondAsync(200, WireJson.List("VirtualMachineInstanceList", "10",
                    [WireJson.Vmi("a", "w1", 1), WireJson.Vmi("b", "w1", 2)]));
                return;
            }

            await exchange.StartStreamAsync();
            await go.Task.WaitAsync(TimeSpan.FromSeconds(20));
            await exchange.WriteRawAsync(WireJson.Event("MODIFIED", WireJson.Vmi("b", "w2", 11)));
            await exchange.WriteRawAsync(WireJson.Event("DELETED", WireJson.Vmi("a", "w1", 12)));
            await exchange.HoldOpenAsync();
        });
        var informer = new Informer<VirtualMachineInstance>(fixture.Client,
            new InformerOptions { LabelSelector = "app=db" }, InformerIndexes.VirtualMachineInstancesByNode);
        using var subscription = informer.Subscribe();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(stop.Token);

        Assert.Equal(["a", "b"], informer.Snapshot.GetByIndex(InformerIndexes.ByNode, "w1").Select(v => v.Metadata.Name));
        Assert.Equal("10", informer.Snapshot.ResourceVersion);
        go.SetResult();
        var moved = await subscription.Changes.ReadAsync(stop.Token);
        var deleted = await subscription.Changes.ReadAsync(stop.Token);

        Assert.Equal(InformerChangeType.Modified, moved.Type);
        Assert.Equal("tenant-a/b", moved.Key);
        Assert.Equal("w1", moved.OldObject!.Status!.NodeName);
        Assert.Equal(InformerChangeType.Deleted, deleted.Type);
        var snapshot = informer.Snapshot;
        Assert.Empty(snapshot.GetByIndex(InformerIndexes.ByNode, "w1"));
        Assert.Equal("b", Assert.Single(snapshot.GetByIndex(InformerIndexes.ByNode, "w2")).Metadata.Name);
        Assert.Null(snapshot.Get("tenant-a", "a"));
        Assert.Equal("12", snapshot.ResourceVersion);
        Assert.Contains("labelSelector=app%3Ddb", fixture.Server.Requests[0].Target, StringComparison.Ordinal);

        await stop.CancelAsync();
        await run;
        await subscription.Changes.Completion;
    }

    [Fact]
    public async Task RunAsync_Gone_ReplacesTheCacheAndNotifiesTheDifferences()
    {
        var lists = 0;
        var watches = 0;
        await using var fixture = new ClientFixture(async (request, exchange) =>
        {
            if (!WireJson.IsWatch(request))
            {
                await exchange.RespondAsync(200, Interlocked.Increment(ref lists) == 1
                    ? WireJson.List("VirtualMachineInstanceList", "10", [WireJson.Vmi("a", "w1", 1), WireJson.Vmi("b", "w1", 2)])
                    : WireJson.List("VirtualMachineInstanceList", "20", [WireJson.Vmi("b", "w2", 15), WireJson.Vmi("c", "w3", 16)]));
                return;
            }

            await exchange.StartStreamAsync();
            if (Interlocked.Increment(ref watches) == 1)
            {
                await exchange.WriteRawAsync(WireJson.Bookmark(11) + WireJson.Expired(11));
                return;
            }

            await exchange.HoldOpenAsync();
        });
        var informer = new Informer<VirtualMachineInstance>(fixture.Client, null, InformerIndexes.VirtualMachineInstancesByNode);
        using var subscription = informer.Subscribe();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var run = informer.RunAsync(stop.Token);
        var changes = new List<InformerChange<VirtualMachineInstance>>();
        while (changes.LastOrDefault()?.Type != InformerChangeType.Relisted)
        {
            changes.Add(await subscription.Changes.ReadAsync(stop.Token));
        }

        Assert.Equal(
            [(InformerChangeType.Deleted, "tenant-a/a"), (InformerChangeType.Modified, "tenant-a/b"), (InformerChangeType.Added, "tenant-a/c"), (InformerChangeType.Relisted, "")],
            changes.Select(c => (c.Type, c.Key)).OrderBy(c => c.Type == InformerChangeType.Relisted).ThenBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal(InformerChangeType.Relisted, changes[^1].Type);
        Assert.Equal(2, informer.Snapshot.Count);
        Assert.Equal("20", informer.Snapshot.ResourceVersion);
        Assert.Equal(["w2", "w3"], informer.Snapshot.GetIndexKeys(InformerIndexes.ByNode).Order(StringComparer.Ordinal));

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_MigrationsIndexedByTheirVmi()
    {
        await using var fixture = new ClientFixture(async (request, exchange) =>
        {
            if (!WireJson.IsWatch(request))
            {
                await exchange.RespondAsync(200, WireJson.List("VirtualMachineInstanceMigrationList", "5",
                [
                    """{"metadata":{"name":"m1","namespace":"tenant-a","resourceVersion":"3"},"spec":{"vmiName":"db-01"}}""",
                    """{"metadata":{"name":"m2","namespace":"tenant-a","resourceVersion":"4"},"spec":{"vmiName":"db-01"}}""",
                    """{"metadata":{"name":"m3","namespace":"tenant-b","resourceVersion":"5"},"spec":{"vmiName":"db-01"}}""",
                ]));
                return;
            }

            await exchange.StartStreamAsync();
            await exchange.HoldOpenAsync();
        });
        var informer = new Informer<VirtualMachineInstanceMigration>(fixture.Client, null, InformerIndexes.MigrationsByVirtualMachineInstance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var run = informer.RunAsync(stop.Token);
        await informer.Synced.WaitAsync(stop.Token);

        Assert.Equal(["m1", "m2"], informer.Snapshot
            .GetByIndex(InformerIndexes.ByVirtualMachineInstance, InformerKeys.Of("tenant-a", "db-01")).Select(m => m.Metadata.Name));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_Forbidden_FaultsSyncedRunAndSubscriptions()
    {
        await using var fixture = new ClientFixture((_, exchange) => exchange.RespondAsync(403,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403}"""));
        var informer = new Informer<Node>(fixture.Client);
        using var subscription = informer.Subscribe();

        var ex = await Assert.ThrowsAsync<KubernetesApiException>(() => informer.RunAsync(TestTimeout.Token));

        Assert.Equal(RetryVerdict.Permanent, ex.Verdict);
        await Assert.ThrowsAsync<KubernetesApiException>(() => informer.Synced);
        await Assert.ThrowsAsync<KubernetesApiException>(() => subscription.Changes.Completion);
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeSync_ReturnsAndCancelsSynced()
    {
        await using var fixture = new ClientFixture(async (_, exchange) => await exchange.HoldOpenAsync());
        var informer = new Informer<Node>(fixture.Client);
        using var stop = new CancellationTokenSource();

        var run = informer.RunAsync(stop.Token);
        await fixture.Server.WaitForRequestAsync(_ => true, 1, TestTimeout.Token);
        await stop.CancelAsync();

        await run;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => informer.Synced);
        Assert.Throws<InvalidOperationException>(() => informer.RunAsync(CancellationToken.None).GetAwaiter().GetResult());
    }

    [Fact]
    public void Constructor_DuplicateIndexNames_Refused()
    {
        var index = new InformerIndex<Node>("same", _ => []);
        using var http = new HttpClient();
        using var client = new Kubernetes.Client.KubernetesClient(http, TimeProvider.System);

        Assert.Throws<ArgumentException>(() => new Informer<Node>(client, null, index, index with { }));
    }

}
